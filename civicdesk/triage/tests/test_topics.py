from civicdesk.triage.topics import Topic, text_similarity, topics_cluster

TEXTS = [
    "路燈閃爍不停",
    "路燈一直閃爍不停",
    "路燈整晚閃爍不停很刺眼",
    "The credit report has errors",
    "Errors on my credit report",
    "燈罩脫落掉在人行道",
    "燈罩脫落了",
    "公園的廁所很髒",
]


def test_clusters_are_largest_first_with_readable_terms():
    topics = topics_cluster(TEXTS)
    assert all(isinstance(t, Topic) for t in topics)
    assert [len(t.members) for t in topics] == sorted(
        (len(t.members) for t in topics), reverse=True
    )
    flashing = topics[0]
    assert set(flashing.members) == {0, 1, 2}
    assert flashing.representative in flashing.members
    assert any("閃爍" in term for term in flashing.terms)  # Traditional, as written
    memberships = [set(t.members) for t in topics]
    assert {3, 4} in memberships and {5, 6} in memberships
    assert all(7 not in m for m in memberships)


def test_min_size_and_small_inputs():
    assert topics_cluster(TEXTS, min_size=4) == []
    assert topics_cluster(["路燈"]) == []
    assert topics_cluster(["", ""]) == []


def test_text_similarity_matrix():
    matrix = text_similarity(
        ["路燈閃爍", "credit report"], ["路灯一直闪烁", "my credit report", "廁所"]
    )
    assert len(matrix) == 2 and all(len(row) == 3 for row in matrix)
    assert matrix[0][0] > matrix[0][2] and matrix[1][1] > matrix[1][0]
    assert all(0.0 <= v <= 1.0 for row in matrix for v in row)
    assert text_similarity([], ["x"]) == []
    assert text_similarity(["x"], []) == [[]]
