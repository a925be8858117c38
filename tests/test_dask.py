import json

import pandas as pd
import pytest

from conftest import EXAMPLES

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("dask.distributed")


def test_dask_equals_pandas_on_a_local_cluster():
    import ner_id.dask

    articles = [json.loads(line) for line in open(EXAMPLES / "articles.jsonl", encoding="utf-8")]
    df = pd.DataFrame({"doc": [f"{a['id']}-{i}" for i in range(3) for a in articles],
                       "text": [a["text"] for _ in range(3) for a in articles]})
    expected = ner_id.extract_df(df, text_col="text", id_col="doc")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster):
        result = ner_id.dask.extract_df(dd.from_pandas(df, npartitions=3), text_col="text", id_col="doc").compute()
    assert len(expected) > 50
    pd.testing.assert_frame_equal(result.reset_index(drop=True), expected.reset_index(drop=True))


def test_dask_rejects_bad_arguments():
    import ner_id.dask

    with pytest.raises(TypeError, match="dask DataFrame"):
        ner_id.dask.extract_df(pd.DataFrame({"text": []}))
    with pytest.raises(KeyError, match="'body'"):
        ner_id.dask.extract_df(dd.from_pandas(pd.DataFrame({"text": ["x"]}), npartitions=1), text_col="body")
