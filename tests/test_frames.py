import pandas as pd
import pytest

import ner_id


def test_extract_df_one_row_per_entity_keeps_the_id_column():
    df = pd.DataFrame({"doc_id": [7, 8, 9], "text": ["Ia ke Jakarta dan Bali.", "", "Presiden Joko Widodo tiba."]})
    out = ner_id.extract_df(df, text_col="text", id_col="doc_id")
    assert list(out.columns[:3]) == ["doc_id", "text", "label"]
    assert set(out["doc_id"]) <= {7, 9} and 7 in set(out["doc_id"])
    for _, row in out.iterrows():
        source = df.set_index("doc_id").loc[row["doc_id"], "text"]
        assert source[row["start"]:row["end"]] == row["text"]


def test_extract_df_empty_frame_and_errors():
    empty = ner_id.extract_df(pd.DataFrame({"text": []}))
    assert empty.empty and "row" in empty.columns
    with pytest.raises(KeyError, match="'body' not in DataFrame"):
        ner_id.extract_df(pd.DataFrame({"text": ["x"]}), text_col="body")
    with pytest.raises(TypeError, match="row 1 has float"):
        ner_id.extract_df(pd.DataFrame({"text": ["Jakarta", None]}))
