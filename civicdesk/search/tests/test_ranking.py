import pytest

from civicdesk.core.text import fold, parse_query
from civicdesk.search.ranking import Candidate, _chunks, idf, rank, term_df


def cand(pk, title, body):
    return Candidate(id=pk, title=fold(title), body=fold(body))


def test_idf_stays_positive_when_the_estimated_count_exceeds_the_total():
    # PostgreSQL's estimates can say a token is in more items than the table holds.
    assert idf(21, 2) == idf(2, 2) > 0


def test_idf_stays_positive_for_a_word_in_every_item():
    assert idf(100, 100) > 0
    assert idf(1, 100) > idf(50, 100) > idf(100, 100)


def test_term_df_is_bounded_by_the_rarest_bigram():
    term = parse_query("焚化爐").terms[0]
    assert term_df(term, {"焚化": 50, "化炉": 5}) == 5


def test_title_and_frequency_win():
    query = parse_query("陳情")
    ranked = rank(
        [
            cand(1, "組織職掌", "總務室：人民陳情、網站。" + "其他業務。" * 30),
            cand(2, "陳情案件辦理", "陳情方式、陳情期限及陳情書下載。"),
        ],
        query,
        {"陈情": 40},
        50,
    )
    assert [pk for pk, _ in ranked] == [2, 1]


def test_a_common_word_still_ranks():
    """SQLite's bm25() gives a word found in most items no weight; ours does."""
    query = parse_query("焚化")
    ranked = rank([cand(1, "公告", "無關"), cand(2, "焚化廠", "焚化")], query, {"焚化": 90}, 100)
    assert ranked[0][0] == 2
    assert ranked[0][1] > ranked[1][1] == 0


def test_ties_keep_the_newest_first_order():
    query = parse_query("參訪")
    ranked = rank([cand(9, "參訪", "參訪"), cand(3, "參訪", "參訪")], query, {"参访": 2}, 10)
    assert [pk for pk, _ in ranked] == [9, 3]


def test_a_question_is_split_where_the_item_breaks_it():
    assert _chunks(fold("事業廢棄物處理費多少"), "", fold("一般事業廢棄物進廠，處理費每公噸")) == [
        fold("事業廢棄物"),
        fold("處理費"),
    ]


@pytest.mark.parametrize("question", ["事業廢棄物處理費多少", "焚化廠好臭要去哪裡陳情"])
def test_partial_credit_prefers_the_item_holding_longer_pieces(question):
    query = parse_query(question)
    specific = cand(
        1, "一般事業廢棄物進廠申請", "事業廢棄物處理費每公噸2,200元；焚化廠臭味可以陳情。"
    )
    scattered = cand(2, "預算", "事業費、廢棄、處理、多少、焚化、陳列、情形")
    counts = {token: 5 for token in query.all_tokens()}
    assert rank([scattered, specific], query, counts, 50)[0][0] == 1


def test_synonyms_count_as_the_term():
    query = parse_query("參觀")
    ranked = rank([cand(1, "其他", "無"), cand(2, "參訪導覽", "預約參訪")], query, {}, 10)
    assert ranked[0][0] == 2
