"""Compute Git object ids, exactly as `git hash-object` does.

Git stores everything as objects named by the SHA-1 of their content, so the
same file has the same id in every clone on earth. An object's id is

    sha1(b"<kind> <length of body in BYTES>\\0" + body).hexdigest()

1. object_id(kind, body) -> 40 hex digits. kind is "blob", "tree", "commit"
   or "tag"; anything else raises ValueError("unknown object kind ...").
2. blob_id(content) -> the id of a file's content (a blob). A str is encoded
   as UTF-8 first; the length in the header counts bytes, not characters.
       blob_id(b"")               == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"
       blob_id(b"hello world\\n")  == "3b18e512dba79e4c8300dd08aeb37f8e728b8dad"
3. tree_id(files) -> the id of a directory holding plain files, given as
   {file name: blob id}. The body is one entry per file, sorted by name:
       b"100644 " + name.encode() + b"\\0" + the 20 RAW bytes of the blob id
   (bytes.fromhex turns the 40 hex digits into 20 bytes). Sorted means by
   the names' UTF-8 bytes, as git does: "B.txt" comes before "a.txt". A name
   that is empty, "." or "..", or contains "/" or "\\0" raises
   ValueError("invalid file name ..."); a blob id that is not exactly 40 hex
   digits (upper or lower case) raises
   ValueError("... is not a 40-digit hex object id"): nothing else, not
   even the newline `git hash-object` prints after it (bytes.fromhex would
   quietly skip spaces and newlines).
       tree_id({}) == "4b825dc642cb6eb9a060e54bf8d69288fbee4904"  (the empty tree)
"""
import hashlib

KINDS = {"blob", "tree", "commit", "tag"}


def object_id(kind: str, body: bytes) -> str:
    # TODO: check kind, build the header, hash header + body with SHA-1.
    raise NotImplementedError


def blob_id(content: bytes | str) -> str:
    # TODO: encode str to bytes, then object_id("blob", ...).
    raise NotImplementedError


def tree_id(files: dict[str, str]) -> str:
    # TODO: one entry per file, sorted by name; then object_id("tree", ...).
    raise NotImplementedError
