"""Where generated code runs: the Docker build sandbox.

- ``engine``: connecting to Docker, the build image, container bookkeeping, doctor's Docker report.
- ``docker``: ``DockerBuilder``, the locked-down install and build containers.
- ``errors``: typed sandbox errors (daemon down, image missing, out of memory, timed out).
"""
