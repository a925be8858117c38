"""Read a ``torch.save`` file of plain containers and tensors as numpy arrays, without torch.

The ONNX backend shares the word vectors of ``id_vectors.pt`` with the Stanza backend instead of
shipping them twice. A ``torch.save`` file is a zip of one pickle (``data.pkl``) and the raw bytes
of each tensor storage (``data/<key>``); the unpickler below accepts only what ``torch.load(...,
weights_only=True)`` accepts for such files: builtin containers, ``OrderedDict`` and tensors.
"""
from __future__ import annotations

import io
import pickle
import zipfile
from collections import OrderedDict
from typing import Any

import numpy as np

_DTYPES = {"FloatStorage": np.float32, "DoubleStorage": np.float64, "HalfStorage": np.float16,
           "LongStorage": np.int64, "IntStorage": np.int32, "ShortStorage": np.int16, "CharStorage": np.int8,
           "ByteStorage": np.uint8, "BoolStorage": np.bool_}


def load(data: bytes) -> Any:
    """The object saved in ``data`` (the bytes of a ``torch.save`` zip file), tensors as numpy arrays."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        pickles = [n for n in names if n.endswith("/data.pkl")]
        if len(pickles) != 1:
            raise ValueError("not a torch.save zip file: no single data.pkl in it")
        root = pickles[0][: -len("data.pkl")]
        if f"{root}byteorder" in names and archive.read(f"{root}byteorder") != b"little":
            raise ValueError("the file was saved on a big-endian machine; load it with torch")
        return _Unpickler(io.BytesIO(archive.read(pickles[0])), archive, root).load()


class _Storage:
    def __init__(self, dtype: type) -> None:
        self.dtype = dtype


def _rebuild_tensor(storage: np.ndarray, offset: int, size: tuple, stride: tuple, *_: Any) -> np.ndarray:
    if not size:
        return storage[offset].copy()
    item = storage.itemsize
    view = np.lib.stride_tricks.as_strided(storage[offset:], shape=size, strides=[s * item for s in stride])
    return np.array(view)


class _Unpickler(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, archive: zipfile.ZipFile, root: str) -> None:
        super().__init__(file)
        self.archive, self.root = archive, root

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("collections", "OrderedDict"):
            return OrderedDict
        if (module, name) == ("torch._utils", "_rebuild_tensor_v2"):
            return _rebuild_tensor
        if module == "torch" and name in _DTYPES:
            return _Storage(_DTYPES[name])
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a weights-only file")

    def persistent_load(self, pid: Any) -> np.ndarray:
        kind, storage, key, _, _ = pid
        if kind != "storage" or not isinstance(storage, _Storage):
            raise pickle.UnpicklingError(f"unsupported persistent id {pid[:2]!r}")
        return np.frombuffer(self.archive.read(f"{self.root}data/{key}"), dtype=storage.dtype)
