#!/usr/bin/python3
"""Writes a tiny ONNX end-of-turn model with Smart Turn v3's signature: input `input_features`
float32 [batch, 80, 800] (Whisper log-mel of 8 s at 16 kHz), output `logits` float32 [batch, 1]
holding the probability that the turn is over (Smart Turn's export applies the sigmoid inside).

The graph is sigmoid(scale * mean(input_features) + bias) per batch row: louder, longer speech
in the window raises the mean, and scale 0 gives a constant probability of sigmoid(bias).

Usage: /usr/bin/python3 write-turn-model.py OUT_PATH SCALE BIAS
"""

import sys

import onnx
from onnx import TensorProto, helper


def main() -> None:
    out_path, scale, bias = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    features = helper.make_tensor_value_info("input_features", TensorProto.FLOAT, ["batch", 80, 800])
    logits = helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", 1])
    nodes = [
        helper.make_node("ReduceMean", ["input_features"], ["mean"], axes=[1, 2], keepdims=0),
        helper.make_node("Mul", ["mean", "scale"], ["scaled"]),
        helper.make_node("Add", ["scaled", "bias"], ["logit"]),
        helper.make_node("Sigmoid", ["logit"], ["probability"]),
        helper.make_node("Unsqueeze", ["probability", "axis"], ["logits"]),
    ]
    initializers = [
        helper.make_tensor("scale", TensorProto.FLOAT, [], [scale]),
        helper.make_tensor("bias", TensorProto.FLOAT, [], [bias]),
        helper.make_tensor("axis", TensorProto.INT64, [1], [1]),
    ]
    graph = helper.make_graph(nodes, "end_of_turn_test", [features], [logits], initializers)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, out_path)


if __name__ == "__main__":
    main()
