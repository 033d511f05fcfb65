import pytest

from civicdesk.triage.classifier import (
    BaselineClassifier,
    CategoryClassifier,
    Prediction,
    confidence_threshold,
)

TEXTS = [
    "路燈不亮，請派員修理",
    "整排路燈都不亮",
    "一盞路燈晚上不亮",
    "路燈一閃一閃的",
    "燈光持續閃爍",
    "路燈忽明忽滅閃爍",
    "燈罩掉下來了",
    "燈具脫落只剩電線",
    "燈罩被颱風吹落",
    "The street light is out",
    "Street lamp flickers all night",
]
LABELS = ["失明", "失明", "失明", "閃爍", "閃爍", "閃爍", "脫落", "脫落", "脫落", "失明", "閃爍"]


@pytest.fixture(scope="module")
def model():
    return CategoryClassifier.fit(TEXTS, LABELS)


def test_predictions_are_probabilities(model):
    predictions = model.predict(["路燈不亮", "燈罩脫落了"])
    assert [p.label for p in predictions] == ["失明", "脫落"]
    for prediction in predictions:
        assert isinstance(prediction, Prediction)
        assert 0 <= prediction.confidence <= 1
        assert len(prediction.ranked) == 3
        assert prediction.ranked[0] == (prediction.label, prediction.confidence)
        assert sum(p for _, p in prediction.ranked) == pytest.approx(1.0)
        assert [p for _, p in prediction.ranked] == sorted(
            (p for _, p in prediction.ranked), reverse=True
        )


def test_traditional_model_reads_simplified(model):
    assert model.predict(["路灯闪烁"])[0].label == "閃爍"


def test_round_trip_gives_identical_predictions(model):
    data = model.to_bytes()
    assert b"pickle" not in data[:64]
    loaded = CategoryClassifier.from_bytes(data)
    texts = ["路燈不亮", "lamp flickers", "燈罩", ""]
    assert loaded.labels == model.labels
    assert loaded.predict(texts) == model.predict(texts)


def test_from_bytes_refuses_other_data():
    with pytest.raises(ValueError):
        CategoryClassifier.from_bytes(b"not a model")


def test_binary_classifier():
    model = CategoryClassifier.fit(TEXTS[:6], LABELS[:6])
    prediction = model.predict(["路燈不亮"])[0]
    assert prediction.label == "失明"
    assert len(prediction.ranked) == 2
    assert CategoryClassifier.from_bytes(model.to_bytes()).predict(["閃爍"]) == model.predict(
        ["閃爍"]
    )


def test_fit_needs_two_classes():
    with pytest.raises(ValueError):
        CategoryClassifier.fit(["a", "b"], ["x", "x"])


def test_baseline_has_the_same_interface():
    baseline = BaselineClassifier.fit(TEXTS, LABELS)
    prediction = baseline.predict(["路燈不亮"])[0]
    assert prediction.label in baseline.labels
    assert 0 <= prediction.confidence <= 1


@pytest.mark.parametrize(
    ("confidences", "correct", "target", "expected"),
    [
        ([0.9, 0.8, 0.7, 0.6], [True, True, False, False], 0.9, 0.8),
        ([0.9, 0.8, 0.7, 0.6], [True, True, True, False], 0.75, 0.6),
        ([0.9, 0.8], [False, True], 0.9, None),
        ([0.9, 0.9, 0.5], [True, False, True], 0.6, 0.5),  # ties enter together
        ([], [], 0.9, None),
    ],
)
def test_confidence_threshold(confidences, correct, target, expected):
    assert confidence_threshold(confidences, correct, target_precision=target) == expected
