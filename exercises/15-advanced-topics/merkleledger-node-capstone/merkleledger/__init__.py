"""merkleledger: a tiny account ledger with signed transactions and Merkle proofs.

    schnorr.py  Schnorr signatures over the RFC 3526 2048-bit group (given)
    merkle.py   RFC 6962 Merkle tree: roots, inclusion proofs, verification
    tx.py       Transaction, canonical bytes, ids, signing, checking signatures
    ledger.py   State and the pure functions that apply transactions and blocks
"""
