import numpy as np
import pytest
from sklearn.cluster import KMeans
from sklearn.datasets import load_wine, make_blobs
from sklearn.decomposition import PCA
from sklearn.metrics import adjusted_rand_score, silhouette_score
from sklearn.preprocessing import StandardScaler

from wine_scaled_pca_kmeans import (
    ClusterReport,
    best_k_by_silhouette,
    cluster,
    components_for_variance,
    silhouette_by_k,
)


@pytest.fixture(scope="module")
def wine():
    return load_wine(return_X_y=True)


@pytest.fixture(scope="module")
def cumulative(wine):
    """The cumulative explained variance ratio of scaled wine: 0.362, 0.554, 0.665, ..."""
    X, _ = wine
    return np.cumsum(PCA().fit(StandardScaler().fit_transform(X)).explained_variance_ratio_)


@pytest.fixture
def four_blobs():
    """Four clear groups, but the first column was recorded in grams, not kilograms (x1000)."""
    X, _ = make_blobs(n_samples=150, centers=4, cluster_std=0.6, random_state=2)
    X[:, 0] *= 1000
    return X


def reference_reduction(X, n_components):
    scaled = StandardScaler().fit_transform(X)
    pca = PCA(n_components=n_components).fit(scaled)
    return pca, pca.transform(scaled)


@pytest.mark.parametrize(
    ("threshold", "expected"),
    [(0.9, 8), (0.5, 2), (0.3, 1), (0.99, 12)],
    ids=["ninety-percent", "half", "less-than-the-first-component", "ninety-nine-percent"],
)
def test_components_needed_for_a_share_of_the_variance(wine, threshold, expected):
    X, _ = wine
    assert components_for_variance(X, threshold) == expected, (
        "scale first: unscaled, proline alone 'explains' 99.8% of the variance and one component looks enough"
    )


def test_components_default_threshold_is_ninety_percent(wine):
    assert components_for_variance(wine[0]) == 8


def test_reaching_the_threshold_exactly_is_enough(wine, cumulative):
    X, _ = wine
    assert components_for_variance(X, float(cumulative[2])) == 3, (
        "three components explain exactly this share: AT LEAST the threshold is enough (>=, not >)"
    )
    assert components_for_variance(X, float(cumulative[2]) + 1e-9) == 4


@pytest.mark.parametrize("threshold", [0.0, 1.0, 1.5, -0.1], ids=["zero", "one", "above-one", "negative"])
def test_a_threshold_outside_zero_and_one_is_refused(wine, threshold):
    with pytest.raises(ValueError, match=f"threshold must be between 0 and 1, got {threshold}"):
        components_for_variance(wine[0], threshold)


def test_cluster_matches_the_documented_example(wine):
    report = cluster(wine[0])
    assert isinstance(report, ClusterReport)
    assert round(report.silhouette, 3) == 0.561, (
        "expected 0.561: StandardScaler, PCA(n_components=2), KMeans(n_clusters=3, n_init=10, random_state=0), "
        "then silhouette_score of the 2-D points KMeans clustered (on the 13 scaled columns it is 0.192)"
    )
    assert round(report.explained_variance, 3) == 0.554
    assert isinstance(report.silhouette, float) and isinstance(report.explained_variance, float)


@pytest.mark.parametrize(
    ("n_clusters", "n_components", "random_state"),
    [(3, 2, 0), (2, 3, 1), (9, 4, 0)],
    ids=["defaults", "two-clusters-three-components", "nine-clusters-four-components"],
)
def test_cluster_is_scale_then_pca_then_kmeans(wine, n_clusters, n_components, random_state):
    X, _ = wine
    pca, reduced = reference_reduction(X, n_components)
    labels = KMeans(n_clusters=n_clusters, n_init=10, random_state=random_state).fit_predict(reduced)
    report = cluster(X, n_clusters=n_clusters, n_components=n_components, random_state=random_state)
    assert list(report.labels) == list(labels), (
        "labels: KMeans(n_clusters, n_init=10, random_state=random_state) on the scaled, PCA-reduced rows"
    )
    assert report.silhouette == pytest.approx(silhouette_score(reduced, labels))
    assert report.explained_variance == pytest.approx(pca.explained_variance_ratio_.sum())


def test_the_same_call_gives_the_same_clusters(wine):
    first, second = cluster(wine[0], random_state=3), cluster(wine[0], random_state=3)
    assert list(first.labels) == list(second.labels), (
        "KMeans starts from random centres: pass random_state so a result can be reproduced"
    )


def test_clusters_recover_the_three_cultivars_when_scaled(wine):
    X, y = wine
    agreement = adjusted_rand_score(y, cluster(X).labels)
    assert agreement > 0.85, (
        f"adjusted Rand index {agreement:.2f} against the real cultivars: unscaled it is about 0.37, "
        "scaled about 0.90. Is every column standardised before PCA?"
    )


@pytest.mark.parametrize(
    "k_values", [[2, 3, 4, 5, 6], range(2, 7), [6, 4, 2]], ids=["a-list", "a-range", "any-order"]
)
def test_best_k_finds_the_four_groups_after_scaling(four_blobs, k_values):
    assert best_k_by_silhouette(four_blobs, k_values) == 4, (
        "unscaled, the column in grams decides every distance and k=3 looks best: scale X first"
    )


@pytest.mark.parametrize("random_state", [0, 5], ids=["default-seed-0", "seed-5"])
def test_silhouette_by_k_scores_kmeans_on_the_scaled_data(wine, random_state):
    X, _ = wine
    scaled = StandardScaler().fit_transform(X)
    expected = {
        k: silhouette_score(scaled, KMeans(n_clusters=k, n_init=10, random_state=random_state).fit_predict(scaled))
        for k in (6, 2, 11)
    }
    if random_state == 0:  # the default
        scores = silhouette_by_k(X, [6, 2, 11])
    else:
        scores = silhouette_by_k(X, [6, 2, 11], random_state=random_state)
    assert list(scores) == [6, 2, 11], "one entry per k, in the order of k_values"
    assert scores == pytest.approx(expected), (
        "silhouette_score(scaled X, labels) of KMeans(n_clusters=k, n_init=10, random_state=random_state) "
        "fitted on the scaled X"
    )
    assert all(isinstance(score, float) for score in scores.values())


def test_best_k_is_the_highest_silhouette(wine):
    X, _ = wine
    scores = silhouette_by_k(X, [2, 3, 4, 5])
    assert best_k_by_silhouette(X, [2, 3, 4, 5]) == max(scores, key=scores.get) == 3


def test_best_k_with_a_single_candidate(four_blobs):
    assert best_k_by_silhouette(four_blobs, [2]) == 2


@pytest.mark.parametrize(
    ("k_values", "message"),
    [([], "no k to try"), ([1, 2, 3], "k must be at least 2, got 1"), ([3, 0], "k must be at least 2, got 0")],
    ids=["no-k", "one-cluster", "zero-clusters"],
)
def test_silhouette_by_k_refuses_what_silhouette_cannot_score(four_blobs, k_values, message):
    with pytest.raises(ValueError, match=message):
        silhouette_by_k(four_blobs, k_values)
    with pytest.raises(ValueError, match=message):
        best_k_by_silhouette(four_blobs, k_values)


def test_best_k_passes_random_state_on_to_kmeans(wine):
    X, _ = wine
    assert (best_k_by_silhouette(X, [7, 8]), best_k_by_silhouette(X, [7, 8], random_state=1)) == (8, 7), (
        "with random_state=0 (the default) KMeans finds a better k=8 clustering, with random_state=1 "
        "a better k=7 one: pass random_state on, and default it to 0"
    )
