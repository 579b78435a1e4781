"""Unsupervised learning on wine: scale, reduce with PCA, cluster with KMeans."""
from dataclasses import dataclass

import numpy as np
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import StandardScaler


@dataclass(frozen=True)
class ClusterReport:
    labels: np.ndarray
    silhouette: float
    explained_variance: float


def components_for_variance(X, threshold: float = 0.9) -> int:
    if not 0 < threshold < 1:
        raise ValueError(f"threshold must be between 0 and 1, got {threshold}")
    pca = PCA().fit(StandardScaler().fit_transform(X))
    cumulative = np.cumsum(pca.explained_variance_ratio_)
    return int(np.argmax(cumulative >= threshold)) + 1


def cluster(X, n_clusters: int = 3, n_components: int = 2, random_state: int = 0) -> ClusterReport:
    scaled = StandardScaler().fit_transform(X)
    pca = PCA(n_components=n_components).fit(scaled)
    reduced = pca.transform(scaled)
    kmeans = KMeans(n_clusters=n_clusters, n_init=10, random_state=random_state)
    labels = kmeans.fit_predict(reduced)
    return ClusterReport(
        labels=labels,
        silhouette=float(silhouette_score(reduced, labels)),
        explained_variance=float(pca.explained_variance_ratio_.sum()),
    )


def silhouette_by_k(X, k_values, random_state: int = 0) -> dict[int, float]:
    if not k_values:
        raise ValueError("no k to try")
    if min(k_values) < 2:
        raise ValueError(f"k must be at least 2, got {min(k_values)}")
    scaled = StandardScaler().fit_transform(X)
    scores = {}
    for k in k_values:
        labels = KMeans(n_clusters=k, n_init=10, random_state=random_state).fit_predict(scaled)
        scores[k] = float(silhouette_score(scaled, labels))
    return scores


def best_k_by_silhouette(X, k_values, random_state: int = 0) -> int:
    scores = silhouette_by_k(X, k_values, random_state)
    return max(scores, key=scores.get)
