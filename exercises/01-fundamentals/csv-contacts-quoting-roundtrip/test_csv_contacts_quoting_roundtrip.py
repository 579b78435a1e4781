import pytest

from csv_contacts_quoting_roundtrip import read_contacts, write_contacts

TRICKY = [
    {"name": "Doe, Jane", "email": "jane@example.com", "note": 'said "hi"'},
    {"name": "Zoë Ørsted", "email": "zoe@example.dk", "note": "line one\nline two"},
    {"name": "Sam", "email": "sam@example.com", "note": "windows\r\nbreak"},
    {"name": "Plain", "email": "plain@example.com", "note": ""},
]


@pytest.fixture
def path(tmp_path):
    return tmp_path / "contacts.csv"


def test_write_produces_standard_csv_bytes(path):
    count = write_contacts(path, [
        {"name": "Doe, Jane", "email": "jane@example.com", "note": 'said "hi"'},
        {"name": "Ann", "email": "ann@example.com", "note": "ok"},
    ])

    assert count == 2
    assert path.read_bytes() == (
        b'name,email,note\r\n'
        b'"Doe, Jane",jane@example.com,"said ""hi"""\r\n'
        b'Ann,ann@example.com,ok\r\n'
    ), (
        "expected standard CSV: a value with a comma or a quote is quoted and its quotes doubled, "
        "no BOM at the start; use csv.DictWriter on a file opened with encoding='utf-8', newline=''"
    )


def test_write_uses_utf8_without_a_bom(path):
    write_contacts(path, [{"name": "Zoë", "email": "z@example.com", "note": "café"}])

    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf"), "write plain UTF-8 (encoding='utf-8'), not 'utf-8-sig'"
    assert "Zoë,z@example.com,café\r\n".encode("utf-8") in data


def test_a_missing_field_is_written_empty(path):
    write_contacts(path, [{"name": "Ann", "email": "ann@example.com"}])

    assert path.read_bytes() == b"name,email,note\r\nAnn,ann@example.com,\r\n"


def test_writing_no_contacts_writes_just_the_header(path):
    assert write_contacts(path, []) == 0
    assert path.read_bytes() == b"name,email,note\r\n"
    assert read_contacts(path) == []


def test_commas_quotes_and_line_breaks_survive_a_round_trip(path):
    write_contacts(path, TRICKY)

    assert read_contacts(path) == TRICKY, (
        "values must come back exactly; a '\\r\\n' inside a note only survives when the file "
        "is opened with newline='' for reading and writing, as the csv docs say"
    )


def test_a_file_from_excel_with_a_bom_is_read(path):
    path.write_bytes(b"\xef\xbb\xbfname,email,note\r\nAnn,ann@example.com,hi\r\n")

    try:
        contacts = read_contacts(path)
    except ValueError as err:
        pytest.fail(f"{err}: the file starts with a BOM, so the first column read as '\\ufeffname'; "
                    "open it with encoding='utf-8-sig'")
    assert contacts == [{"name": "Ann", "email": "ann@example.com", "note": "hi"}], (
        "Excel starts UTF-8 files with a BOM; read with encoding='utf-8-sig' so the first "
        "column is 'name', not '\\ufeffname'"
    )


def test_a_file_with_unix_line_endings_is_read(path):
    path.write_bytes(b'name,email,note\n"Doe, Jane",jane@example.com,x\nAnn,ann@example.com,\n')

    assert read_contacts(path) == [
        {"name": "Doe, Jane", "email": "jane@example.com", "note": "x"},
        {"name": "Ann", "email": "ann@example.com", "note": ""},
    ]


def test_columns_may_come_in_any_order_and_extra_columns_are_ignored(path):
    path.write_text("email,phone,name,note\r\nann@example.com,555,Ann,hi\r\n", encoding="utf-8")

    assert read_contacts(path) == [{"name": "Ann", "email": "ann@example.com", "note": "hi"}], (
        "return exactly the keys name, email and note, matched by header name"
    )


def test_a_short_row_gets_empty_strings(path):
    path.write_text("name,email,note\r\nAnn,ann@example.com\r\n", encoding="utf-8")

    assert read_contacts(path) == [{"name": "Ann", "email": "ann@example.com", "note": ""}], (
        "a missing value is '' (DictReader's restval), not None"
    )


@pytest.mark.parametrize(
    ("header", "missing"),
    [("name,note", "email"), ("email,note", "name"), ("name,email", "note"), ("Name,Email,Note", "name")],
    ids=["no-email", "no-name", "no-note", "wrong-case"],
)
def test_a_header_without_a_field_is_refused(path, header, missing):
    path.write_text(header + "\r\nx,y\r\n", encoding="utf-8")

    with pytest.raises(ValueError, match=f"^missing column '{missing}'$"):
        read_contacts(path)


def test_an_empty_file_has_no_contacts(path):
    path.write_bytes(b"")

    assert read_contacts(path) == []
