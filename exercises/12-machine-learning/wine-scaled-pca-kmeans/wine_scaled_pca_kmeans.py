"""Unsupervised learning on wine: scale, reduce with PCA, cluster with KMeans.

No labels this time: find structure in 13 chemical measurements of 178
wines. Two things decide whether the answer means anything:

- Scale first. PCA and KMeans work with distances and variances, and
  "proline" (values near 1000) would outweigh "hue" (near 1) a thousand
  times: unscaled, the first principal component is just proline and
  "explains" 99.8% of the variance. StandardScaler gives every column mean 0
  and standard deviation 1 before anything else.
- Fix random_state. KMeans starts from random centres: the same call must
  give the same clusters every time, or nobody can reproduce your result.

1. components_for_variance(X, threshold=0.9) scales X, fits PCA() with all
   components, and returns the smallest number of components whose
   cumulative explained_variance_ratio_ (np.cumsum) is AT LEAST threshold
   (reaching it exactly is enough):
       >>> components_for_variance(load_wine().data, 0.9)
       8
   threshold must be strictly between 0 and 1, else
   ValueError("threshold must be between 0 and 1, got 1.5").

2. cluster(X, n_clusters=3, n_components=2, random_state=0) scales X, keeps
   n_components with PCA(n_components=n_components), runs
   KMeans(n_clusters=n_clusters, n_init=10, random_state=random_state) on
   those reduced points, and returns a ClusterReport:
       labels              the cluster of each row (KMeans' labels_)
       silhouette          silhouette_score of the REDUCED points and labels
                           (the points KMeans actually clustered), a float
       explained_variance  the sum of the kept components' variance ratios
       >>> report = cluster(load_wine().data)
       >>> round(report.silhouette, 3), round(report.explained_variance, 3)
       (0.561, 0.554)

3. silhouette_by_k(X, k_values, random_state=0) scales X, runs
   KMeans(n_clusters=k, n_init=10, random_state=random_state) on the scaled
   X for each k, and returns {k: silhouette_score(scaled X, labels)} as
   floats, in the order of k_values. Silhouette needs two clusters at
   least: a k below 2 raises ValueError("k must be at least 2, got 1"); no
   k at all raises ValueError("no k to try").

4. best_k_by_silhouette(X, k_values, random_state=0) returns the k with the
   highest score of silhouette_by_k (the first of them if two tie).
"""
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
    # TODO: check threshold, scale, PCA(), np.cumsum of explained_variance_ratio_.
    raise NotImplementedError


def cluster(X, n_clusters: int = 3, n_components: int = 2, random_state: int = 0) -> ClusterReport:
    # TODO: scale -> PCA -> KMeans; silhouette of the reduced points.
    raise NotImplementedError


def silhouette_by_k(X, k_values, random_state: int = 0) -> dict[int, float]:
    # TODO: check k_values, scale, fit KMeans and score each k.
    raise NotImplementedError


def best_k_by_silhouette(X, k_values, random_state: int = 0) -> int:
    # TODO: the k with the highest silhouette.
    raise NotImplementedError
