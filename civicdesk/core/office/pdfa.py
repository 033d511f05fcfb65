"""What turns a reportlab PDF into PDF/A-2b (ISO 19005-2, level B), the archival form the
national archives accept: XMP metadata matching the document information dictionary, and an
sRGB output intent. That every font is embedded is `fonts`' part."""

import datetime
import functools
from xml.sax.saxutils import escape

from PIL import ImageCms
from reportlab.pdfbase import pdfdoc

PRODUCER = "civicdesk (reportlab)"
_XMP = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt>
   </dc:description>
   <dc:language><rdf:Bag><rdf:li>{language}</rdf:li></rdf:Bag></dc:language>
   <pdf:Producer>{producer}</pdf:Producer>
   <pdf:Keywords>{keywords}</pdf:Keywords>
   <xmp:CreatorTool>{creator}</xmp:CreatorTool>
   <xmp:CreateDate>{date}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
   <xmp:MetadataDate>{date}</xmp:MetadataDate>
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


@functools.cache
def srgb_profile() -> bytes:
    """An sRGB ICC profile, made by Little CMS (through Pillow) rather than shipped."""
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    return bytes(profile.tobytes())


def _xmp_date(doc: object) -> str:
    """The creation time reportlab writes into the information dictionary, in XMP's form."""
    stamp = doc._timeStamp  # type: ignore[attr-defined]
    year, month, day, hour, minute, second = stamp.YMDhms
    offset = datetime.timedelta(
        hours=stamp.dhh, minutes=stamp.dmm if stamp.dhh >= 0 else -stamp.dmm
    )
    moment = datetime.datetime(
        year, month, day, hour, minute, second, tzinfo=datetime.timezone(offset)
    )
    return moment.isoformat()


def make_archivable(canvas: object, *, language: str) -> None:
    """Add the XMP packet and the output intent to the document being drawn on `canvas`; call
    it once, before the canvas is saved (a first-page callback does)."""
    doc = canvas._doc  # type: ignore[attr-defined]
    info = doc.info
    values = {
        "title": info.title,
        "author": info.author,
        "subject": info.subject,
        "keywords": info.keywords,
        "creator": info.creator,
        "producer": info.producer,
        "language": language,
    }

    def packet(document: object) -> bytes:
        xmp = _XMP.format(date=_xmp_date(document), **{k: escape(v) for k, v in values.items()})
        return xmp.encode("utf-8")

    doc.Catalog.Metadata = doc.Reference(pdfdoc.XMP(creator=packet), "civicdeskXMP")
    profile = pdfdoc.PDFStream(
        dictionary=pdfdoc.PDFDictionary({"N": 3}),
        content=srgb_profile(),
        filters=[pdfdoc.PDFZCompress] if doc.compression else None,
    )
    intent = pdfdoc.PDFDictionary(
        {
            "Type": pdfdoc.PDFName("OutputIntent"),
            "S": pdfdoc.PDFName("GTS_PDFA1"),
            "OutputConditionIdentifier": pdfdoc.PDFString("sRGB IEC61966-2.1"),
            "Info": pdfdoc.PDFString("sRGB IEC61966-2.1"),
            "DestOutputProfile": doc.Reference(profile, "civicdeskICC"),
        }
    )
    doc.Catalog.OutputIntents = pdfdoc.PDFArray([intent])
    doc.Catalog.__NoDefault__ = [*doc.Catalog.__NoDefault__, "OutputIntents"]
