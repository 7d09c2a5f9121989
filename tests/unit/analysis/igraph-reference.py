"""The peer our analysis is measured against: python3-igraph (Debian's /usr/bin/python3).

Reads a JSON request on stdin: {"n": N, "edges": "path of a 'u v w' edge-list file",
"seed": S, "resolution": R, "membership": [...] (optional)} and prints JSON with igraph's
community_multilevel result, the modularity of the given membership (when one was sent) and the
directed weighted PageRank, plus the seconds each step took.
"""
import json
import random
import resource
import sys
import time

import igraph as ig

req = json.load(sys.stdin)
n = req["n"]
t0 = time.perf_counter()
src, dst, w = [], [], []
with open(req["edges"]) as f:
    for line in f:
        parts = line.split()
        if len(parts) < 2:
            continue
        src.append(int(parts[0]))
        dst.append(int(parts[1]))
        w.append(float(parts[2]) if len(parts) > 2 else 1.0)
directed = ig.Graph(n=n, edges=list(zip(src, dst)), directed=True, edge_attrs={"weight": w})
t_read = time.perf_counter() - t0

# Undirected weighted graph: both directions of a pair summed, self-loops dropped.
t0 = time.perf_counter()
undirected = directed.as_undirected(mode="collapse", combine_edges="sum")
undirected.simplify(multiple=False, loops=True, combine_edges="sum")
random.seed(req.get("seed", 42))
ig.set_random_number_generator(random)
parts = undirected.community_multilevel(weights="weight", resolution=req.get("resolution", 1.0))
t_louvain = time.perf_counter() - t0

leiden = None
if req.get("leiden"):
    # igraph's Leiden optimising modularity, iterated until stable, as the second peer.
    random.seed(req.get("seed", 42))
    lp = undirected.community_leiden(
        objective_function="modularity", weights="weight", resolution_parameter=req.get("resolution", 1.0), n_iterations=-1
    )
    leiden = {
        "modularity": undirected.modularity(lp.membership, weights="weight", resolution=req.get("resolution", 1.0)),
        "count": len(lp),
        "membership": lp.membership,
    }

t0 = time.perf_counter()
pr = directed.pagerank(weights="weight", directed=True, damping=0.85)
t_pagerank = time.perf_counter() - t0

out = {
    "modularity": undirected.modularity(parts.membership, weights="weight", resolution=req.get("resolution", 1.0)),
    "count": len(parts),
    "membership": parts.membership if req.get("returnMembership") else None,
    "pagerank": pr if req.get("returnPagerank") else None,
    "leiden": leiden,
    "seconds": {"read": t_read, "louvain": t_louvain, "pagerank": t_pagerank},
    # Peak resident memory of this Python process (Linux reports kilobytes), reading included.
    "maxRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}
if req.get("membership") is not None:
    out["modularityOfGiven"] = undirected.modularity(req["membership"], weights="weight", resolution=req.get("resolution", 1.0))
json.dump(out, sys.stdout)
