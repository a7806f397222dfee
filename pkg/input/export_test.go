package input

// ClusterScopedKinds exposes the table of ClusterScoped to the tests.
var ClusterScopedKinds = clusterScoped
