import pytest

from civicdesk.core.phones import InvalidPhone, is_phone, normalise_phone


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        # mobile, with or without separators, international
        ("0912345678", "0912-345-678"),
        ("0912-345-678", "0912-345-678"),
        ("0912 345 678", "0912-345-678"),
        ("0912.345.678", "0912-345-678"),
        ("+886 912 345 678", "0912-345-678"),
        ("+886-912-345-678", "0912-345-678"),
        ("+886912345678", "0912-345-678"),
        ("886912345678", "0912-345-678"),
        ("+886 (0)912 345 678", "0912-345-678"),
        # landlines with their area codes
        ("07-1234567", "07-123-4567"),
        ("07-123-4567", "07-123-4567"),
        ("(07)123-4567", "07-123-4567"),
        ("(07) 1234567", "07-123-4567"),
        ("071234567", "07-123-4567"),
        ("02-2345-6789", "02-2345-6789"),
        ("(02)23456789", "02-2345-6789"),
        ("03-9325123", "03-932-5123"),  # Yilan
        ("037-123456", "037-123-456"),  # Miaoli: six digits
        ("04-2345-6789", "04-2345-6789"),  # Taichung: eight digits
        ("04-7123456", "04-712-3456"),  # Changhua: seven digits
        ("049-2345678", "049-234-5678"),  # Nantou
        ("06-9212345", "06-921-2345"),  # Penghu
        ("082-312345", "082-312-345"),  # Kinmen
        ("0826-61234", "0826-61234"),  # Wuqiu
        ("0836-22345", "0836-22345"),  # Matsu
        ("089-312345", "089-312-345"),  # Taitung
        ("+886-7-1234567", "07-123-4567"),
        ("+886 7 123 4567", "07-123-4567"),
        ("+886-2-2345-6789", "02-2345-6789"),
        ("+886 (0)7 1234567", "07-123-4567"),
        # extensions
        ("07-1234567#123", "07-123-4567#123"),
        ("07-1234567 #123", "07-123-4567#123"),
        ("07-1234567 分機123", "07-123-4567#123"),
        ("07-1234567分機 123", "07-123-4567#123"),
        ("(07)123-4567 ext. 123", "07-123-4567#123"),
        ("07-1234567 ext 5", "07-123-4567#5"),
        ("07-1234567 EXT.123", "07-123-4567#123"),
        ("07-1234567轉123", "07-123-4567#123"),
        ("07-1234567, 轉 123", "07-123-4567#123"),
        ("07-1234567 x123", "07-123-4567#123"),
        ("02-2345-6789 分機：88", "02-2345-6789#88"),
        # toll-free
        ("0800-123-456", "0800-123-456"),
        ("0800123456", "0800-123-456"),
        ("0800 123 456", "0800-123-456"),
        # full-width digits and punctuation, other dashes, surrounding spaces
        ("０９１２－３４５－６７８", "0912-345-678"),
        ("（０７）１２３－４５６７", "07-123-4567"),
        ("０７－１２３４５６７＃１２３", "07-123-4567#123"),
        ("＋８８６　９１２　３４５　６７８", "0912-345-678"),
        ("07–123–4567", "07-123-4567"),
        ("0912—345—678", "0912-345-678"),
        ("  0912345678  ", "0912-345-678"),
    ],
)
def test_taiwanese_numbers_are_written_one_way(typed, written):
    assert normalise_phone(typed) == written
    assert normalise_phone(written) == written  # the written form is itself valid
    assert is_phone(typed)


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "call me",
        "0912-345-67",  # a digit short
        "0912-345-6789",  # a digit too many
        "912345678",  # no leading 0
        "1234567",  # no area code
        "07-123456",  # Kaohsiung numbers have seven digits
        "07-12345678",
        "02-234-5678",  # Taipei numbers have eight
        "01-2345678",  # no area 01
        "07-0123456",  # a local number never starts with 0
        "0800-12345",
        "+1 212 555 0100",  # not Taiwan
        "+86 139 1234 5678",
        "0912-345-678 or 07-1234567",
        "0912345678abc",
        "07-1234567 #",  # an extension without digits
        "07-1234567 #1234567",  # extensions have at most six digits
        "09１２３４５６７８a",
        "07+1234567",
        "٠٩١٢٣٤٥٦٧٨",  # Arabic-Indic digits are not what staff can dial
        "0" * 10_000,  # long input is refused quickly
        " " * 10_000 + "x1",
    ],
)
def test_anything_else_is_refused(typed):
    with pytest.raises(InvalidPhone):
        normalise_phone(typed)
    assert not is_phone(typed)
