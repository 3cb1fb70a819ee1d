"""The team server (`sitegen serve`, `sitegen worker`): the app and its endpoints, auth, the job
runners (in-process threads or Celery on Redis), the Celery tasks and the headless job runner
every one of them uses (``execute.execute_job``)."""
