"""RFC 6962 Merkle trees (as in Certificate Transparency): roots, inclusion proofs, checks.

Leaves and inner nodes are hashed with different one-byte prefixes, so an
inner node can never pass for a leaf (a second-preimage attack):
    leaf_hash(d)     = sha256(b"\\x00" + d)
    node_hash(l, r)  = sha256(b"\\x01" + l + r)
merkle_root(leaves) (leaves are the data, as bytes):
    []           -> sha256(b"")
    [d]          -> leaf_hash(d)
    n >= 2       -> node_hash(root of the first k, root of the rest), where k
                    is the largest power of two SMALLER than n (7 leaves: 4 + 3)
An odd leaf is never duplicated (Bitcoin's rule lets [a, b, c] and
[a, b, c, c] share a root).

inclusion_proof(leaves, index) -> list of sibling hashes, from the leaf up:
in the tree's split, recurse into the side that holds index and append the
root of the other side. One leaf: []. IndexError(f"leaf {index} is not in a
tree of {n} leaves") unless 0 <= index < n.

verify_inclusion(data, index, size, proof, root) -> bool, the algorithm of
RFC 9162 section 2.1.3.2 (False for an index outside 0..size-1):
    fn, sn, r = index, size - 1, leaf_hash(data)
    for each p in proof:
        if sn == 0: return False
        if fn is odd or fn == sn:
            r = node_hash(p, r)
            while fn is even and fn != 0: fn >>= 1; sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1; sn >>= 1
    return sn == 0 and r == root
"""
import hashlib


def leaf_hash(data: bytes) -> bytes:
    raise NotImplementedError  # TODO


def node_hash(left: bytes, right: bytes) -> bytes:
    raise NotImplementedError  # TODO


def merkle_root(leaves: list[bytes]) -> bytes:
    raise NotImplementedError  # TODO


def inclusion_proof(leaves: list[bytes], index: int) -> list[bytes]:
    raise NotImplementedError  # TODO


def verify_inclusion(data: bytes, index: int, size: int, proof: list[bytes], root: bytes) -> bool:
    raise NotImplementedError  # TODO
