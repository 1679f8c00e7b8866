"""The oracle for `npm run bench -- peer`: networkx's max_weight_matching on a peer instance file.

Dev-only (networkx is not a dependency of Kindling: `apt-get install python3-networkx` or `pip
install networkx`). Reads the same JSON file `kindling solve` reads, solves it with weights taken as
integer thousandths (so networkx's arithmetic is exact, like Kindling's), writes the pairs in the
solver contract's format and prints one JSON line: pairs, total weight in thousandths, solve time.

    python3 bench/peerNetworkx.py instance.json pairs.json [weight|coverage]
"""
import json
import sys
import time

import networkx as nx


def main() -> None:
    source, target = sys.argv[1], sys.argv[2]
    objective = sys.argv[3] if len(sys.argv) > 3 else "weight"
    with open(source, encoding="utf-8") as f:
        instance = json.load(f)
    graph = nx.Graph()
    graph.add_nodes_from(p["id"] for p in instance["participants"])
    for e in instance["edges"]:
        graph.add_edge(e["a"], e["b"], weight=round(e["weight"] * 1000))
    started = time.perf_counter()
    matching = nx.max_weight_matching(graph, maxcardinality=objective == "coverage")
    solve_s = time.perf_counter() - started
    pairs = [{"a": a, "b": b, "weight": graph[a][b]["weight"] / 1000} for a, b in matching]
    with open(target, "w", encoding="utf-8") as f:
        json.dump({"pairs": pairs}, f)
    total = sum(graph[a][b]["weight"] for a, b in matching)
    print(json.dumps({"pairs": len(pairs), "thousandths": total, "solveSeconds": solve_s, "networkx": nx.__version__}))


if __name__ == "__main__":
    main()
