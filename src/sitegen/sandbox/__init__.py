"""Where generated code runs: choosing the builder, and the Docker build sandbox.

- ``choice``: ``select_builder``: --sandbox auto|docker|local|none → a Builder (build.py has the protocol).
- ``engine``: connecting to Docker, the build image, container bookkeeping, doctor's Docker report.
- ``docker``: ``DockerBuilder``, the locked-down install and build containers.
- ``errors``: typed sandbox errors (daemon down, image missing, out of memory, timed out).
"""

SANDBOXES = ("auto", "docker", "local", "none")  # the --sandbox choices
