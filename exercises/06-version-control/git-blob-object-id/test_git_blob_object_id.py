"""Known ids come from Git itself: the empty blob and empty tree every Git user
meets, and the examples of the Pro Git book, chapter 10.2 "Git Objects"."""
import pytest

from git_blob_object_id import blob_id, object_id, tree_id

EMPTY_BLOB = "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"
EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
VERSION_1 = "83baae61804e65cc73a7201a7252750c76066a30"  # blob of b"version 1\n"
VERSION_2 = "1f7a7a472abf3dd9643fd615f6da379c4acb3e3a"  # blob of b"version 2\n"
NEW_FILE = "fa49b077972391ad58037050f2a75f74e3671e92"  # blob of b"new file\n"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", EMPTY_BLOB),
        (b"hello world\n", "3b18e512dba79e4c8300dd08aeb37f8e728b8dad"),
        (b"test content\n", "d670460b4b4aece5915caf5c68d12f560a9fe3e4"),
        (b"what is up, doc?", "bd9dbf5aae1a3862dd1526723246b20206e5fc37"),
        (b"version 1\n", VERSION_1),
        (b"new file\n", NEW_FILE),
    ],
    ids=["empty-file", "hello-world", "pro-git-test-content", "no-final-newline", "version-1", "new-file"],
)
def test_blob_id_matches_git_hash_object(content, expected):
    assert blob_id(content) == expected


def test_blob_id_accepts_text_as_utf8():
    assert blob_id("hello world\n") == "3b18e512dba79e4c8300dd08aeb37f8e728b8dad"


def test_blob_id_header_counts_bytes_not_characters():
    # "é" is 1 character but 2 bytes in UTF-8; "blob 1\0..." would give 4abd0d25...
    assert blob_id("é") == "4b04fff51468d8ab5201ab02b725dc477bc7cb45", "the length in the header must be len(bytes)"


def test_blob_id_of_unicode_text_equals_the_id_of_its_utf8_bytes():
    text = "# Hello, wörld 👋\n"
    assert blob_id(text) == blob_id(text.encode("utf-8")) == "282f891519db439c82bed98243d5d55c172e0053"


def test_one_changed_byte_changes_the_whole_id():
    assert blob_id(b"a\r\n") != blob_id(b"a\n"), "Windows and Unix line endings are different content"


def test_object_id_puts_the_kind_in_the_header():
    assert object_id("blob", b"") == EMPTY_BLOB
    assert object_id("tree", b"") == EMPTY_TREE, "same empty body, different kind, different id"


# `git cat-file commit HEAD` and `git cat-file tag v1.0` of a repository holding Pro Git's test.txt
COMMIT_BODY = (
    b"tree d8329fc1cc938780ffdd9f94e0d364e0ea74f579\n"
    b"author Ada <ada@example.com> 1700000000 +0000\n"
    b"committer Ada <ada@example.com> 1700000000 +0000\n"
    b"\n"
    b"First commit\n"
)
TAG_BODY = (
    b"object bed5cac450dc6418dc2823f8f59dd195aae6565d\n"
    b"type commit\n"
    b"tag v1.0\n"
    b"tagger Ada <ada@example.com> 1700000000 +0000\n"
    b"\n"
    b"Release 1.0\n"
)


@pytest.mark.parametrize(
    ("kind", "body", "expected"),
    [("commit", COMMIT_BODY, "bed5cac450dc6418dc2823f8f59dd195aae6565d"), ("tag", TAG_BODY, "935cfd6015b2b3839ea2eabd1c37d9b92de7c09d")],
    ids=["commit", "annotated-tag"],
)
def test_object_id_hashes_commits_and_tags_like_git(kind, body, expected):
    assert object_id(kind, body) == expected, f"{kind} is one of git's four object kinds, hashed like the others"


@pytest.mark.parametrize(
    "kind", ["file", "Blob", "", "lob", "blob tree", "blob "], ids=["made-up", "capitalised", "empty", "part-of-a-kind", "two-kinds", "trailing-space"]
)
def test_object_id_rejects_unknown_kinds(kind):
    with pytest.raises(ValueError, match="unknown object kind"):
        object_id(kind, b"")


def test_tree_id_of_an_empty_directory_is_the_famous_empty_tree():
    assert tree_id({}) == EMPTY_TREE


def test_tree_id_of_one_file_matches_pro_git():
    assert tree_id({"test.txt": VERSION_1}) == "d8329fc1cc938780ffdd9f94e0d364e0ea74f579", (
        "an entry is b'100644 test.txt\\0' followed by the 20 RAW bytes of the blob id (bytes.fromhex), not its 40 hex characters"
    )


def test_tree_id_of_two_files_matches_pro_git():
    assert tree_id({"test.txt": VERSION_2, "new.txt": NEW_FILE}) == "0155eb4229851634a0f03eb265b69f5a2d56f341"


def test_tree_id_does_not_depend_on_dict_order():
    forward = {"new.txt": NEW_FILE, "test.txt": VERSION_2}
    backward = {"test.txt": VERSION_2, "new.txt": NEW_FILE}
    assert tree_id(forward) == tree_id(backward), "sort the entries by name before hashing"


def test_tree_id_changes_when_a_file_is_renamed():
    assert tree_id({"test.txt": VERSION_1}) != tree_id({"TEST.txt": VERSION_1})


@pytest.mark.parametrize(
    "name", ["", "src/app.py", "bad\0name", ".", ".."], ids=["empty", "has-slash", "has-nul", "dot", "dot-dot"]
)
def test_tree_id_rejects_invalid_file_names(name):
    with pytest.raises(ValueError, match="invalid file name"):
        tree_id({name: VERSION_1})


@pytest.mark.parametrize(
    "blob",
    [
        "83baae6",
        "z" * 40,
        VERSION_1 + "00",
        "",
        VERSION_1 + "\n",
        " " + VERSION_1,
        " ".join(VERSION_1[i : i + 2] for i in range(0, 40, 2)),
        VERSION_1[:38] + "\uff10\uff10",
    ],
    ids=["abbreviated", "not-hex", "too-long", "empty", "trailing-newline", "leading-space", "spaced-pairs", "fullwidth-digits"],
)
def test_tree_id_rejects_ids_that_are_not_40_hex_digits(blob):
    # bytes.fromhex skips whitespace, so checking only its result lets "id\n" through
    with pytest.raises(ValueError, match="is not a 40-digit hex object id$"):
        tree_id({"test.txt": blob})


def test_tree_id_sorts_names_by_their_bytes_like_git():
    # git write-tree of these four files gave 60fd2492...: "B" (0x42) sorts before "a" (0x61),
    # and "-" (0x2d) < "." (0x2e) < "_" (0x5f)
    files = {"a_b.txt": "587be6b4c3f93f93c489c0111bba5596147a26cb", "a.txt": VERSION_1, "B.txt": VERSION_1, "a-b.txt": NEW_FILE}
    assert tree_id(files) == "60fd24924390f9b39f708569e6fdbe8629bb6277", (
        "git orders entries by the bytes of the name: no lower-casing, no natural sort"
    )


def test_tree_id_encodes_non_ascii_names_as_utf8():
    # git write-tree of café.txt (y) and cafe.txt (z)
    files = {"café.txt": "975fbec8256d3e8a3797e7a3611380f27c49f4ac", "cafe.txt": "b68025345d5301abad4d9ec9166f455243a0d746"}
    assert tree_id(files) == "a31b24b14cd1fde3fc9d565db0a03ab10908dac4"


def test_tree_id_accepts_an_upper_case_blob_id():
    # `git mktree` gives 0685a16c... for one file "a" whichever case the id is written in
    assert tree_id({"a": VERSION_1.upper()}) == tree_id({"a": VERSION_1}) == "0685a16c7efc3846f5ca6c9e541bf20d9475de91"
