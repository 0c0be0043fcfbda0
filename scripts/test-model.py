#!/usr/bin/python3
"""Writes a tiny BERT-shaped sentence-embedding model that @huggingface/transformers loads
exactly like a real one: onnx/model.onnx plus config.json, tokenizer.json (WordPiece) and
tokenizer_config.json under OUT_DIR/MODEL_ID.

The graph maps every token id to a fixed pseudo-random row (hidden size 32) and passes it
through as last_hidden_state [batch, seq, hidden]. Mean pooling over the attention mask then
gives a bag-of-words vector, so texts that share words have a high cosine similarity.
Special tokens embed to zero and common function words to short rows, so they barely count.

Usage: /usr/bin/python3 scripts/test-model.py OUT_DIR [MODEL_ID]
"""

import json
import os
import random
import sys

import onnx
from onnx import TensorProto, helper

HIDDEN_SIZE = 32
MAX_POSITIONS = 512
SEED = 20240607

SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]

FUNCTION_WORDS = (
    "a an the and or but if of to in on at by for with from as is are was were be been being "
    "it its this that these those i you he she we they me my your our their his her them us "
    "do does did have has had not no can could will would should may might must shall there "
    "here what which who whom whose when where why how all any some each so than then too very "
    "just about into over after before up down out off again also only own same such both few "
    "more most other am s t"
).split()

CONTENT_WORDS = (
    "refund refunds purchase purchases return returns days day week weeks month months year "
    "contact support email phone call calls number numbers customer customers order orders "
    "shipping ship ships delivery deliver delivered package track tracking address store stores "
    "open opens close closes hours hour monday tuesday wednesday thursday friday saturday sunday "
    "weekend morning evening night time times price prices cost costs pay payment payments card "
    "cards credit cash invoice bill billing account accounts password login reset sign create "
    "delete cancel cancellation subscription plan plans upgrade downgrade free trial premium "
    "basic pro team teams user users admin access data privacy policy policies security secure "
    "warranty repair repairs broken damage damaged replace replacement product products item "
    "items size sizes color colors stock available availability booking book table reservation "
    "reservations restaurant menu food drink drinks vegan vegetarian gluten allergy allergies "
    "parking car cars train bus airport hotel room rooms checkin checkout breakfast pool gym "
    "wifi internet network password pet pets dog dogs cat cats child children kids adult adults "
    "doctor appointment appointments clinic dental insurance prescription pharmacy health "
    "emergency office location locations city street downtown north south east west floor "
    "building elevator language english spanish french german help question questions answer "
    "answers agent agents human person manager team office holiday holidays christmas closed "
    "gift gifts voucher discount discounts coupon code codes sale sales student senior "
    "membership member members point points reward rewards loyalty app mobile website online "
    "download install update version software hardware computer laptop battery charge charger "
    "screen keyboard printer print paper ink cable power energy electricity water gas heating "
    "weather rain snow sun temperature warm cold hot fast slow quick express standard "
    "international domestic country countries europe america asia fee fees tax taxes total "
    "minimum maximum limit limits weight kilogram pound box boxes label labels receipt receipts "
    "exchange exchanges store credit policy within after before purchase contact example com "
    "apple banana orange grape lemon cherry coffee tea milk bread cheese pizza pasta salad soup "
    "red blue green yellow black white purple pink brown grey gray "
    "one two three four five six seven eight nine ten twenty thirty forty fifty hundred thousand"
).split()


def vocabulary():
    words = []
    seen = set()
    for token in (
        SPECIAL
        + FUNCTION_WORDS
        + CONTENT_WORDS
        + list("abcdefghijklmnopqrstuvwxyz0123456789")
        + ["##" + c for c in "abcdefghijklmnopqrstuvwxyz0123456789"]
        + list(".,;:!?'\"()-/@&%$#*+=[]")
    ):
        if token not in seen:
            seen.add(token)
            words.append(token)
    return words


def embedding_table(vocab):
    rng = random.Random(SEED)
    function_words = set(FUNCTION_WORDS)
    known = set(vocab)
    rows = []
    by_stem = {}
    for token in vocab:
        # A plural shares its singular's row ("refunds" ~ "refund"): a stand-in for stemming.
        stem = token[:-1] if token.endswith("s") and token[:-1] in known else token
        if stem not in by_stem:
            by_stem[stem] = [rng.gauss(0.0, 1.0) for _ in range(HIDDEN_SIZE)]
        row = list(by_stem[stem])
        if token in SPECIAL:
            row = [0.0] * HIDDEN_SIZE
        elif token in function_words or len(token.lstrip("#")) == 1:
            row = [value * 0.1 for value in row]
        rows.extend(row)
    return rows


def build_graph(vocab):
    table = helper.make_tensor(
        "embeddings.word_embeddings.weight",
        TensorProto.FLOAT,
        [len(vocab), HIDDEN_SIZE],
        embedding_table(vocab),
    )
    nodes = [
        # Gather on axis 0 turns [batch, seq] ids into [batch, seq, hidden] rows.
        helper.make_node("Gather", ["embeddings.word_embeddings.weight", "input_ids"], ["gathered"], axis=0),
        helper.make_node("Identity", ["gathered"], ["last_hidden_state"]),
    ]
    inputs = [
        helper.make_tensor_value_info(name, TensorProto.INT64, ["batch_size", "sequence_length"])
        for name in ("input_ids", "attention_mask", "token_type_ids")
    ]
    output = helper.make_tensor_value_info(
        "last_hidden_state", TensorProto.FLOAT, ["batch_size", "sequence_length", HIDDEN_SIZE]
    )
    graph = helper.make_graph(nodes, "tiny_bert_embedder", inputs, [output], initializer=[table])
    model = helper.make_model(
        graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="switchboard-test-model"
    )
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


def tokenizer_json(vocab):
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [
            {
                "id": index,
                "content": token,
                "single_word": False,
                "lstrip": False,
                "rstrip": False,
                "normalized": False,
                "special": True,
            }
            for index, token in enumerate(SPECIAL)
        ],
        "normalizer": {
            "type": "BertNormalizer",
            "clean_text": True,
            "handle_chinese_chars": True,
            "strip_accents": None,
            "lowercase": True,
        },
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [
                {"SpecialToken": {"id": "[CLS]", "type_id": 0}},
                {"Sequence": {"id": "A", "type_id": 0}},
                {"SpecialToken": {"id": "[SEP]", "type_id": 0}},
            ],
            "pair": [
                {"SpecialToken": {"id": "[CLS]", "type_id": 0}},
                {"Sequence": {"id": "A", "type_id": 0}},
                {"SpecialToken": {"id": "[SEP]", "type_id": 0}},
                {"Sequence": {"id": "B", "type_id": 1}},
                {"SpecialToken": {"id": "[SEP]", "type_id": 1}},
            ],
            "special_tokens": {
                "[CLS]": {"id": "[CLS]", "ids": [2], "tokens": ["[CLS]"]},
                "[SEP]": {"id": "[SEP]", "ids": [3], "tokens": ["[SEP]"]},
            },
        },
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {
            "type": "WordPiece",
            "unk_token": "[UNK]",
            "continuing_subword_prefix": "##",
            "max_input_chars_per_word": 100,
            "vocab": {token: index for index, token in enumerate(vocab)},
        },
    }


def main():
    if len(sys.argv) < 2:
        sys.stderr.write("usage: test-model.py OUT_DIR [MODEL_ID]\n")
        sys.exit(2)
    out_dir = os.path.abspath(sys.argv[1])
    model_id = sys.argv[2] if len(sys.argv) > 2 else "switchboard/tiny-embedder"
    model_dir = os.path.join(out_dir, model_id)
    os.makedirs(os.path.join(model_dir, "onnx"), exist_ok=True)
    vocab = vocabulary()

    onnx.save(build_graph(vocab), os.path.join(model_dir, "onnx", "model.onnx"))
    files = {
        "config.json": {
            "model_type": "bert",
            "architectures": ["BertModel"],
            "hidden_size": HIDDEN_SIZE,
            "num_hidden_layers": 0,
            "num_attention_heads": 1,
            "intermediate_size": HIDDEN_SIZE,
            "max_position_embeddings": MAX_POSITIONS,
            "type_vocab_size": 2,
            "vocab_size": len(vocab),
            "pad_token_id": 0,
        },
        "tokenizer.json": tokenizer_json(vocab),
        "tokenizer_config.json": {
            "tokenizer_class": "BertTokenizer",
            "do_lower_case": True,
            "model_max_length": MAX_POSITIONS,
            "clean_up_tokenization_spaces": True,
            "unk_token": "[UNK]",
            "sep_token": "[SEP]",
            "pad_token": "[PAD]",
            "cls_token": "[CLS]",
            "mask_token": "[MASK]",
        },
        "special_tokens_map.json": {
            "unk_token": "[UNK]",
            "sep_token": "[SEP]",
            "pad_token": "[PAD]",
            "cls_token": "[CLS]",
            "mask_token": "[MASK]",
        },
    }
    for name, content in files.items():
        with open(os.path.join(model_dir, name), "w", encoding="utf-8") as handle:
            json.dump(content, handle, indent=1)

    print(f"EMBEDDING_MODEL={model_id}")
    print(f"MODELS_DIR={out_dir}")


if __name__ == "__main__":
    main()
