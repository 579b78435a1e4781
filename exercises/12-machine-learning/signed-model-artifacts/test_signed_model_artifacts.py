import hashlib
import hmac
import os
import pickle
import zipfile

import numpy as np
import pytest
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import FunctionTransformer, StandardScaler

from signed_model_artifacts import ArtifactError, load_artifact, save_artifact, sign

KEY = b"training-job-secret-0123456789ab"


@pytest.fixture(scope="module")
def iris():
    return load_iris(return_X_y=True)


@pytest.fixture(scope="module")
def model(iris):
    X, y = iris
    return make_pipeline(StandardScaler(), LogisticRegression()).fit(X, y)


class Planted:
    """Unpickling this runs code: it creates a file. A real attacker's would do worse."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


def test_sign_is_hmac_sha256_in_hex():
    assert sign(b"model bytes", b"key") == hmac.new(b"key", b"model bytes", hashlib.sha256).hexdigest()
    assert sign(b"model bytes", b"key") != sign(b"model bytes", b"other key"), "the key must be part of it"


@pytest.mark.parametrize("suffix", [".skops", ".joblib"], ids=["skops", "joblib"])
def test_a_saved_model_loads_back_and_predicts_the_same(model, iris, tmp_path, suffix):
    path = save_artifact(model, tmp_path / "models" / "iris" / f"m{suffix}", KEY)
    assert path == tmp_path / "models" / "iris" / f"m{suffix}" and path.is_file(), "create the folders, return the path"
    loaded = load_artifact(path, KEY)
    assert loaded is not model
    assert np.array_equal(loaded.predict_proba(iris[0]), model.predict_proba(iris[0]))


@pytest.mark.parametrize("suffix", [".skops", ".joblib"], ids=["skops", "joblib"])
def test_the_signature_file_holds_the_hmac_of_the_file_bytes(model, tmp_path, suffix):
    path = save_artifact(model, tmp_path / f"m{suffix}", KEY)
    signature = (tmp_path / f"m{suffix}.sig").read_text()
    assert signature == hmac.new(KEY, path.read_bytes(), hashlib.sha256).hexdigest() + "\n", (
        "write sign(the bytes of the model file, key) and a newline to '<file name>.sig'"
    )


def test_skops_files_are_skops_and_joblib_files_are_joblib(model, tmp_path):
    assert zipfile.is_zipfile(save_artifact(model, tmp_path / "m.skops", KEY)), "'.skops' is written by skops.io"
    assert not zipfile.is_zipfile(save_artifact(model, tmp_path / "m.joblib", KEY))


def test_saving_twice_into_the_same_folder_works(model, tmp_path):
    save_artifact(model, tmp_path / "out" / "a.joblib", KEY)
    save_artifact(model, tmp_path / "out" / "b.joblib", KEY)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.joblib", "a.joblib.sig", "b.joblib", "b.joblib.sig"]


def test_a_swapped_joblib_file_is_refused_before_it_can_run(model, tmp_path):
    path = save_artifact(model, tmp_path / "m.joblib", KEY)
    marker = tmp_path / "code-ran"
    path.write_bytes(pickle.dumps(Planted(marker)))  # someone replaced the model, the old .sig stays
    with pytest.raises(ArtifactError, match="signature mismatch for m.joblib"):
        load_artifact(path, KEY)
    assert not marker.exists(), "the file was unpickled before its signature was checked: that ran its code"


def test_an_unsigned_file_is_never_loaded(tmp_path):
    marker = tmp_path / "code-ran"
    path = tmp_path / "downloaded.joblib"
    path.write_bytes(pickle.dumps(Planted(marker)))
    with pytest.raises(ArtifactError, match="no signature for downloaded.joblib"):
        load_artifact(path, KEY)
    assert not marker.exists(), "no signature, no loading: the file ran code when loaded"


@pytest.mark.parametrize(
    "forge",
    [
        lambda good: "",
        lambda good: good[:16],
        lambda good: good[:-1] + ("0" if good[-1] != "0" else "1"),
        lambda good: good + "00",
        lambda good: sign(b"something else", KEY),
        lambda good: "é" * 64,
    ],
    ids=["empty", "a-prefix", "last-digit-changed", "extra-digits", "another-files-signature", "not-ascii"],
)
def test_a_forged_signature_is_refused(model, tmp_path, forge):
    path = save_artifact(model, tmp_path / "m.joblib", KEY)
    signature = tmp_path / "m.joblib.sig"
    signature.write_text(forge(signature.read_text().strip()), encoding="utf-8")
    with pytest.raises(ArtifactError, match="signature mismatch for m.joblib"):
        load_artifact(path, KEY)


def test_the_wrong_key_is_refused(model, tmp_path):
    path = save_artifact(model, tmp_path / "m.skops", KEY)
    with pytest.raises(ArtifactError, match="signature mismatch for m.skops"):
        load_artifact(path, b"a different key")


def test_whitespace_around_the_signature_is_ignored(model, tmp_path):
    path = save_artifact(model, tmp_path / "m.joblib", KEY)
    signature = tmp_path / "m.joblib.sig"
    signature.write_text("  " + signature.read_text().strip() + "\r\n\n")
    assert load_artifact(path, KEY) is not None


def test_a_signed_skops_file_with_an_untrusted_type_is_refused(tmp_path):
    path = save_artifact(Pipeline([("run", FunctionTransformer(os.getcwd))]), tmp_path / "m.skops", KEY)
    name = f"{os.getcwd.__module__}.getcwd"
    with pytest.raises(ArtifactError, match=f"refusing to load m.skops: untrusted types {name}$"):
        load_artifact(path, KEY)
    # A signature says who made the file, not that its contents are safe: skops still checks the types.


def test_the_caller_decides_which_types_to_trust(tmp_path):
    module = os.getcwd.__module__
    steps = [("a", FunctionTransformer(os.getcwd)), ("b", FunctionTransformer(os.getpid))]
    path = save_artifact(Pipeline(steps), tmp_path / "m.skops", KEY)
    with pytest.raises(ArtifactError, match=f"untrusted types {module}.getcwd, {module}.getpid$"):
        load_artifact(path, KEY)
    with pytest.raises(ArtifactError, match=f"untrusted types {module}.getpid$"):
        load_artifact(path, KEY, trusted=(f"{module}.getcwd",))
    loaded = load_artifact(path, KEY, trusted=(f"{module}.getcwd", f"{module}.getpid"))
    assert loaded.named_steps["b"].func is os.getpid


@pytest.mark.parametrize(
    ("name", "message"),
    [("m.pkl", "unknown model format: .pkl"), ("model", "unknown model format: model"), ("m.skops.bak", "unknown model format: .bak")],
    ids=["pickle", "no-suffix", "a-backup"],
)
def test_unknown_formats_are_refused_both_ways(model, tmp_path, name, message):
    with pytest.raises(ValueError, match=message):
        save_artifact(model, tmp_path / name, KEY)
    (tmp_path / name).write_bytes(b"whatever")
    with pytest.raises(ValueError, match=message):
        load_artifact(tmp_path / name, KEY)


def test_an_empty_key_is_refused_both_ways(model, tmp_path):
    with pytest.raises(ValueError, match="key must not be empty"):
        save_artifact(model, tmp_path / "m.joblib", b"")
    path = save_artifact(model, tmp_path / "m.joblib", KEY)
    with pytest.raises(ValueError, match="key must not be empty"):
        load_artifact(path, b"")
