import hashlib
import sqlite3

import pytest

from numbered_sql_migrations import MigrationError, migrate

CREATE_USERS = "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
ADD_EMAIL = "ALTER TABLE users ADD COLUMN email TEXT;\nCREATE UNIQUE INDEX users_email ON users (email);\n"
SEED = "INSERT INTO users (name, email) VALUES ('Zoë', 'zoe@example.com');\n"


@pytest.fixture
def conn():
    connection = sqlite3.connect(":memory:", isolation_level=None)
    yield connection
    connection.close()


@pytest.fixture
def migrations(tmp_path):
    folder = tmp_path / "migrations"
    folder.mkdir()
    return folder


def write(folder, files):
    for name, sql in files.items():
        (folder / name).write_text(sql, encoding="utf-8")


def tables(conn):
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def recorded(conn):
    return conn.execute("SELECT version, name, checksum FROM schema_migrations ORDER BY version").fetchall()


def sha256(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_migrate_applies_every_script_in_version_order(conn, migrations):
    # Written in reverse so that directory order cannot help.
    write(migrations, {"0003_seed_users.sql": SEED, "0002_add_user_email.sql": ADD_EMAIL, "0001_create_users.sql": CREATE_USERS})
    assert migrate(conn, migrations) == ["0001_create_users.sql", "0002_add_user_email.sql", "0003_seed_users.sql"]
    assert conn.execute("SELECT name, email FROM users").fetchall() == [("Zoë", "zoe@example.com")]


def test_migrate_records_version_name_and_checksum(conn, migrations):
    write(migrations, {"0001_create_users.sql": CREATE_USERS, "0002_add_user_email.sql": ADD_EMAIL})
    migrate(conn, migrations)
    assert recorded(conn) == [
        (1, "0001_create_users.sql", sha256(CREATE_USERS)),
        (2, "0002_add_user_email.sql", sha256(ADD_EMAIL)),
    ]


def test_migrate_twice_applies_nothing_the_second_time(conn, migrations):
    write(migrations, {"0001_create_users.sql": CREATE_USERS, "0002_seed_users.sql": "INSERT INTO users (name) VALUES ('Ann');"})
    migrate(conn, migrations)
    assert migrate(conn, migrations) == []
    assert conn.execute("SELECT COUNT(*) FROM users").fetchone() == (1,), "a recorded script ran again"


def test_migrate_applies_only_the_new_script_later(conn, migrations):
    write(migrations, {"0001_create_users.sql": CREATE_USERS})
    migrate(conn, migrations)
    write(migrations, {"0002_add_user_email.sql": ADD_EMAIL})
    assert migrate(conn, migrations) == ["0002_add_user_email.sql"]


def test_an_empty_directory_applies_nothing_but_creates_the_bookkeeping_table(conn, migrations):
    (migrations / "README.md").write_text("Migrations live here.\n", encoding="utf-8")
    assert migrate(conn, migrations) == []
    assert "schema_migrations" in tables(conn)
    assert recorded(conn) == []


def test_a_failing_script_is_rolled_back_and_not_recorded(conn, migrations):
    broken = "CREATE TABLE audit (id INTEGER PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);\n"
    write(migrations, {"0001_create_users.sql": CREATE_USERS, "0002_audit.sql": broken})
    with pytest.raises(MigrationError, match=r"0002_audit\.sql failed: no such table: no_such_table"):
        migrate(conn, migrations)
    assert "audit" not in tables(conn), "the CREATE TABLE of the failed script survived: run the whole script in one transaction"
    assert [row[0] for row in recorded(conn)] == [1], "0001 should stay applied, 0002 must not be recorded"
    assert not conn.in_transaction, "a transaction was left open: ROLLBACK after the failure"


@pytest.mark.parametrize(
    ("broken", "error"),
    [
        ("INSERT INTO users (name) VALUES ('Ann');\nINSERT INTO users (name) VALUES (NULL);\n", "NOT NULL constraint failed"),
        ("INSERT INTO users (id, name) VALUES (1, 'Ann');\nINSERT INTO users (id, name) VALUES (1, 'Bob');\n", "UNIQUE constraint failed"),
        ("INSERT INTO users (name) VALUES ('Ann');\nSELEKT 1;\n", "syntax error"),
    ],
    ids=["not-null-violation", "duplicate-key", "syntax-error"],
)
def test_any_database_error_in_a_script_becomes_a_migration_error_and_is_rolled_back(conn, migrations, broken, error):
    write(migrations, {"0001_create_users.sql": CREATE_USERS, "0002_seed_users.sql": broken})
    with pytest.raises(MigrationError, match=f"0002_seed_users\\.sql failed: .*{error}"):
        migrate(conn, migrations)
    assert conn.execute("SELECT COUNT(*) FROM users").fetchone() == (0,), (
        "the first INSERT of the failed script survived: catch every sqlite3.Error (IntegrityError too, not only "
        "OperationalError) and ROLLBACK"
    )
    assert [row[0] for row in recorded(conn)] == [1]
    assert not conn.in_transaction


def test_the_checksum_is_of_the_file_bytes_so_windows_line_endings_count(conn, migrations):
    raw = CREATE_USERS.replace("\n", "\r\n").encode("utf-8")
    (migrations / "0001_create_users.sql").write_bytes(raw)
    migrate(conn, migrations)
    assert recorded(conn)[0][2] == hashlib.sha256(raw).hexdigest(), (
        "the checksum must be the SHA-256 of the file's bytes: read_text() turns \\r\\n into \\n, so a script "
        "saved with Windows line endings would be recorded with the wrong checksum"
    )


class Watched:
    """The connection under test, wrapped: before each statement it sends, `before(sql)` runs."""

    def __init__(self, conn, before):
        self._conn = conn
        self._before = before

    def execute(self, sql, *args):
        self._before(sql)
        return self._conn.execute(sql, *args)

    def executemany(self, sql, *args):
        self._before(sql)
        return self._conn.executemany(sql, *args)

    def executescript(self, script):
        self._before(script)
        return self._conn.executescript(script)

    def cursor(self, *args):
        return WatchedCursor(self, self._conn.cursor(*args))

    def __getattr__(self, name):
        return getattr(self._conn, name)

    def __enter__(self):
        self._conn.__enter__()
        return self

    def __exit__(self, *exc_info):
        return self._conn.__exit__(*exc_info)


class WatchedCursor:
    def __init__(self, owner, cursor):
        self._owner = owner
        self._cursor = cursor

    def execute(self, sql, *args):
        self._owner._before(sql)
        self._cursor.execute(sql, *args)
        return self

    def executescript(self, script):
        self._owner._before(script)
        self._cursor.executescript(script)
        return self

    def __getattr__(self, name):
        return getattr(self._cursor, name)

    def __iter__(self):
        return iter(self._cursor)


def test_another_connection_never_sees_a_script_applied_but_not_recorded(tmp_path, migrations):
    write(migrations, {"0001_create_users.sql": CREATE_USERS, "0002_create_posts.sql": "CREATE TABLE posts (id INTEGER);\n"})
    path = tmp_path / "app.db"
    mine = sqlite3.connect(path, isolation_level=None, timeout=0)
    watcher = sqlite3.connect(path, timeout=0)
    allowed = [(set(), []), ({"users"}, [1]), ({"users", "posts"}, [1, 2])]
    seen = []

    def look(sql):
        names = tables(watcher)
        versions = [row[0] for row in recorded(watcher)] if "schema_migrations" in names else []
        seen.append((" ".join(sql.split())[:60], names - {"schema_migrations"}, versions))

    try:
        migrate(Watched(mine, look), migrations)
        for sql, names, versions in seen:
            assert (names, versions) in allowed, (
                f"before your statement {sql!r} another connection saw the tables {sorted(names)} but the recorded "
                f"versions {versions}: a script and its schema_migrations row must be committed together, in ONE "
                "transaction (if the process died right there, the script would run again next time)"
            )
        assert (tables(watcher) - {"schema_migrations"}, [row[0] for row in recorded(watcher)]) == allowed[-1]
    finally:
        mine.close()
        watcher.close()


def test_a_fixed_script_is_applied_on_the_next_run(conn, migrations):
    write(migrations, {"0001_create_users.sql": CREATE_USERS, "0002_audit.sql": "CREATE TABLE audit (id INTEGER PRIMARY KEY);\nSELEKT 1;\n"})
    with pytest.raises(MigrationError, match="0002_audit.sql failed"):
        migrate(conn, migrations)
    write(migrations, {"0002_audit.sql": "CREATE TABLE audit (id INTEGER PRIMARY KEY);\n"})
    assert migrate(conn, migrations) == ["0002_audit.sql"]
    assert "audit" in tables(conn)


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"0001_create_users.sql": CREATE_USERS, "0003_seed_users.sql": SEED}, "missing migration 0002"),
        ({"0002_add_user_email.sql": ADD_EMAIL}, "missing migration 0001"),
        ({"0001_create_users.sql": CREATE_USERS, "0001_create_posts.sql": "CREATE TABLE posts (id INTEGER);"}, "duplicate migration version 0001"),
        ({"0001_create_users.sql": CREATE_USERS, "add_email.sql": ADD_EMAIL}, "bad migration file name 'add_email.sql'"),
        ({"0001_create_users.sql": CREATE_USERS, "2_add_email.sql": ADD_EMAIL}, "bad migration file name '2_add_email.sql'"),
        ({"0001_create_users.sql": CREATE_USERS, "00002_add_email.sql": ADD_EMAIL}, "bad migration file name '00002_add_email.sql'"),
        ({"0001_create_users.sql": CREATE_USERS, "v0002_add_email.sql": ADD_EMAIL}, "bad migration file name 'v0002_add_email.sql'"),
        (
            {"0001_create_users.sql": CREATE_USERS, "0002_add_email.sql.sql": ADD_EMAIL},
            r"bad migration file name '0002_add_email\.sql\.sql'",
        ),
    ],
    ids=[
        "gap-in-the-middle",
        "does-not-start-at-one",
        "duplicate-number",
        "no-number",
        "number-not-four-digits",
        "five-digits",
        "prefix-before-the-number",
        "double-extension-the-whole-name-must-match",
    ],
)
def test_an_inconsistent_directory_is_refused_before_any_change(conn, migrations, files, message):
    write(migrations, files)
    with pytest.raises(MigrationError, match=message):
        migrate(conn, migrations)
    assert "users" not in tables(conn), "nothing may be applied when the directory is inconsistent"


def test_changing_an_applied_script_is_refused(conn, migrations):
    write(migrations, {"0001_create_users.sql": CREATE_USERS})
    migrate(conn, migrations)
    write(migrations, {"0001_create_users.sql": CREATE_USERS + "-- tweaked\n", "0002_add_user_email.sql": ADD_EMAIL})
    with pytest.raises(MigrationError, match=r"checksum mismatch: 0001_create_users\.sql"):
        migrate(conn, migrations)
    assert [row[0] for row in recorded(conn)] == [1], "0002 must not be applied after a checksum mismatch"


def test_deleting_an_applied_script_is_refused(conn, migrations):
    write(migrations, {"0001_create_users.sql": CREATE_USERS, "0002_add_user_email.sql": ADD_EMAIL})
    migrate(conn, migrations)
    (migrations / "0002_add_user_email.sql").unlink()
    with pytest.raises(MigrationError, match="missing migration 0002"):
        migrate(conn, migrations)
