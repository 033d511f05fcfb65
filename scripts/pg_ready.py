"""Exit 0 when the PostgreSQL server of the given URL accepts connections, 1 otherwise."""

import sys

import psycopg


def main(url: str) -> int:
    # Connect to the maintenance database: the test database is created by the test run.
    base = url.rsplit("/", 1)[0] + "/postgres"
    try:
        with psycopg.connect(base, connect_timeout=3):
            return 0
    except psycopg.Error:
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
