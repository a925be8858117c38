"""Train Stanza character language models (forward and backward) on the shared raw text.

    python -m ner_id.training.charlm --data ../shared/data --out build/charlm --hidden 256 --direction forward
    python -m ner_id.training.charlm --data ../shared/data --out build/charlm --hidden 256 --direction backward

Every ``.txt`` file under ``DATA/raw_text`` (about 34 M characters) is read line by line; one
line in 100 goes to the dev file, the rest to training shards. Stanza's own trainer
(``stanza.models.charlm``) does the work and keeps a checkpoint, so a run that is stopped
goes on from its last finished epoch when started again with the same arguments.
The models end in ``OUT/id_{forward,backward}_charlm.pt``.
"""
from __future__ import annotations

import argparse
import logging
from pathlib import Path

logger = logging.getLogger("ner_id.training.charlm")

DEV_EVERY = 100
SHARD_CHARS = 4_000_000


def prepare_text(raw_text: Path, work: Path) -> tuple[Path, Path]:
    """Write training shards and one dev file from the raw text (once); returns (train dir, dev file)."""
    train_dir, dev_file = work / "train", work / "dev.txt"
    if dev_file.exists():
        return train_dir, dev_file
    train_dir.mkdir(parents=True, exist_ok=True)
    shard: list[str] = []
    size = count = 0
    dev: list[str] = []
    for number, line in enumerate(_lines(raw_text)):
        if number % DEV_EVERY == 0:
            dev.append(line)
            continue
        shard.append(line)
        size += len(line)
        if size >= SHARD_CHARS:
            (train_dir / f"shard{count:03d}.txt").write_text("".join(shard), encoding="utf-8")
            shard, size, count = [], 0, count + 1
    if shard:
        (train_dir / f"shard{count:03d}.txt").write_text("".join(shard), encoding="utf-8")
    tmp = dev_file.with_suffix(".tmp")
    tmp.write_text("".join(dev), encoding="utf-8")
    tmp.rename(dev_file)
    logger.info("%d training shards, %d dev lines", count + 1, len(dev))
    return train_dir, dev_file


def _lines(raw_text: Path):
    for path in sorted(raw_text.rglob("*.txt")):
        with open(path, encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if line.strip():
                    yield " ".join(line.split()) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--direction", choices=["forward", "backward"], required=True)
    parser.add_argument("--hidden", type=int, default=256, help="LSTM units (Stanza's default is 1024)")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument("--bptt", type=int, default=250)
    parser.add_argument("--seed", type=int, default=1234)
    parser.add_argument("--cpu", action="store_true", help="train on the CPU even where a GPU is present")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")

    from stanza.models import charlm

    args.out.mkdir(parents=True, exist_ok=True)
    train_dir, dev_file = prepare_text(args.data / "raw_text", args.out)
    charlm.main([
        "--train_dir", str(train_dir), "--eval_file", str(dev_file), "--direction", args.direction,
        "--shorthand", "id_nerid", "--mode", "train", "--char_hidden_dim", str(args.hidden),
        "--batch_size", str(args.batch_size), "--bptt_size", str(args.bptt), "--epochs", str(args.epochs),
        "--save_dir", str(args.out), "--save_name", f"id_{args.direction}_charlm.pt",
        "--vocab_save_name", "id_charlm_vocab.pt", "--eval_steps", "-1", "--seed", str(args.seed),
        "--report_steps", "50", *(["--cpu"] if args.cpu else []),
    ])


if __name__ == "__main__":
    main()
