#!/usr/bin/env python3
"""Makes the office fixtures of testdata/office from corpus texts.

Each fixture is written as a flat OpenDocument file (.fodt) by this
script, then LibreOffice (soffice --headless --convert-to, Debian's
libreoffice-writer-nogui) turns it into .docx, .doc and .pdf, and headless
Chromium prints the same text as HTML to a second PDF. The generated files
are committed, so the tests need neither program; run this again only to
change a fixture:

    python3 testdata/office/make.py

The texts are published official documents from testdata/corpus (outside
copyright, PRC Copyright Law Art. 5; sources in testdata/corpus/README.md).
"""
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "corpus", "gov")

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:xlink="http://www.w3.org/1999/xlink" '
      'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text"')

# The layout GB/T 9704-2012 sets (5.1, 5.2) and offices use: A4, 天头
# 37 mm, 订口 28 mm, 版心 156 x 225 mm (so 下白边 35 mm, 右白边 26 mm),
# 3号 (16 pt) 仿宋, 22 lines of 28 characters (a fixed line pitch of
# 225 mm / 22 = 28.95 pt), title 2号 (22 pt) 小标宋, headings 黑体 and 楷体.
STANDARD = dict(
    page_w="210mm", page_h="297mm", top="37mm", bottom="35mm", left="28mm", right="26mm",
    body_font="仿宋_GB2312", body_size="16pt", line="28.95pt", grid=(22, 28),
    title_font="方正小标宋简体", title_size="22pt",
    h1_font="黑体", h2_font="楷体_GB2312", page_number=True,
)
# Deliberate deviations, one of each kind the layout rules check.
DEVIANT = dict(
    page_w="215.9mm", page_h="279.4mm", top="25.4mm", bottom="25.4mm", left="31.8mm", right="31.8mm",
    body_font="宋体", body_size="12pt", line="15.6pt", grid=None,
    title_font="黑体", title_size="18pt",
    h1_font="宋体", h2_font="宋体", page_number=False,
)

NUM_CN = "一, 二, 三, ..."


def styles(l):
    fonts = sorted({l["body_font"], l["title_font"], l["h1_font"], l["h2_font"], "宋体"})
    faces = "".join(f'<style:font-face style:name="{f}" svg:font-family="{f}"/>' for f in fonts)

    def text_props(font, size, bold=False):
        b = ' fo:font-weight="normal" style:font-weight-asian="normal"' if not bold else ""
        return (f'<style:text-properties style:font-name="{font}" style:font-name-asian="{font}" '
                f'fo:font-size="{size}" style:font-size-asian="{size}"{b}/>')

    return f"""<office:font-face-decls>{faces}</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph">{text_props(l["body_font"], l["body_size"])}</style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text">
<style:paragraph-properties fo:line-height="{l["line"]}" fo:text-indent="0mm" fo:margin-top="0mm" fo:margin-bottom="0mm"/>
</style:style>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard">
<style:paragraph-properties fo:text-indent="{2 * float(l["body_size"].replace("pt", ""))}pt" fo:text-align="justify"/>
</style:style>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard">
<style:paragraph-properties fo:text-align="center"/>{text_props(l["title_font"], l["title_size"])}
</style:style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1">
<style:paragraph-properties fo:text-indent="{2 * float(l["body_size"].replace("pt", ""))}pt"/>{text_props(l["h1_font"], l["body_size"])}
</style:style>
<style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="3">
<style:paragraph-properties fo:text-indent="{2 * float(l["body_size"].replace("pt", ""))}pt"/>
</style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2">
<style:paragraph-properties fo:text-indent="{2 * float(l["body_size"].replace("pt", ""))}pt"/>{text_props(l["h2_font"], l["body_size"])}
</style:style>
<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard">
<style:paragraph-properties fo:text-align="center"/>{text_props("宋体", "14pt")}
</style:style>
<text:outline-style style:name="Outline">
<text:outline-level-style text:level="1" style:num-format="{NUM_CN}" style:num-suffix="、">
<style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="nothing"/></style:list-level-properties>
</text:outline-level-style>
<text:outline-level-style text:level="2" style:num-format="{NUM_CN}" style:num-prefix="（" style:num-suffix="）">
<style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="nothing"/></style:list-level-properties>
</text:outline-level-style>
<text:outline-level-style text:level="3" style:num-format="1" style:num-suffix=".">
<style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="nothing"/></style:list-level-properties>
</text:outline-level-style>
</text:outline-style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="{l["page_w"]}" fo:page-height="{l["page_h"]}" style:print-orientation="portrait" fo:margin-top="{l["top"]}" fo:margin-bottom="{footer_bottom(l)}" fo:margin-left="{l["left"]}" fo:margin-right="{l["right"]}"{grid(l)}/>
<style:footer-style><style:header-footer-properties fo:min-height="0mm" fo:margin-top="0mm"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">{'<style:footer><text:p text:style-name="Footer">— <text:page-number text:select-page="current">1</text:page-number> —</text:p></style:footer>' if l["page_number"] else ''}</style:master-page></office:master-styles>
"""


def mm(v):
    return float(v.replace("mm", ""))


FOOTER_MM = 28.95 * 25.4 / 72  # the footer paragraph's line, which LibreOffice adds to the bottom margin


def footer_bottom(l):
    """Word keeps the footer inside the bottom margin, LibreOffice above it;
    so that the .docx says 下白边 35 mm, the footer's height comes off."""
    if not l["page_number"]:
        return l["bottom"]
    return "%.2fmm" % (mm(l["bottom"]) - FOOTER_MM)


def grid(l):
    """The 版心 line grid: 22 lines a page. No character grid: LibreOffice
    would set a 3号 character, wider than 156 mm / 28, in two cells."""
    if not l["grid"]:
        return ""
    lines, _ = l["grid"]
    height = (297 - mm(l["top"]) - mm(l["bottom"])) / lines
    return (f' style:layout-grid-mode="line" style:layout-grid-lines="{lines}" style:layout-grid-base-height="{height:.2f}mm"'
            f' style:layout-grid-ruby-height="0mm" style:layout-grid-standard-mode="true" style:layout-grid-display="false" style:layout-grid-print="false"')


H1 = re.compile(r"^[一二三四五六七八九十]+、")
H2 = re.compile(r"^（[一二三四五六七八九十]+）")


def paragraphs(lines, numbered=True):
    """Body paragraphs: the first line is the title; "一、" and "（一）"
    lines become headings whose numbers Word's automatic numbering
    shows (the number itself is taken out of the text)."""
    out = []
    for i, line in enumerate(lines):
        e = html.escape(line, quote=False)
        if i == 0:
            out.append(f'<text:p text:style-name="Title">{e}</text:p>')
        elif numbered and H1.match(line) and len(line) < 40:
            out.append(f'<text:h text:style-name="Heading_20_1" text:outline-level="1">{html.escape(H1.sub("", line, 1), quote=False)}</text:h>')
        elif numbered and H2.match(line):
            out.append(f'<text:h text:style-name="Heading_20_2" text:outline-level="2">{html.escape(H2.sub("", line, 1), quote=False)}</text:h>')
        else:
            out.append(f'<text:p text:style-name="Text_20_body">{e}</text:p>')
    return "".join(out)


def fodt(layout, body, tracked=""):
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS}>'
            f'{styles(layout)}<office:body><office:text>{tracked}{body}</office:text></office:body></office:document>\n')


def corpus_lines(name):
    with open(os.path.join(CORPUS, name), encoding="utf-8") as f:
        return [l.strip() for l in f.read().split("\n") if l.strip()]


def soffice(src, fmt, outdir):
    subprocess.run(["soffice", "--headless", "--convert-to", fmt, "--outdir", outdir, src],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)


def chromium_pdf(lines, out):
    """The same text as a simple HTML page printed by Chromium."""
    body = "".join(f"<p>{html.escape(l)}</p>" for l in lines)
    page = ('<!doctype html><meta charset="utf-8"><style>@page{size:A4;margin:37mm 26mm 35mm 28mm}'
            'body{font:16pt "Noto Serif CJK SC",serif;line-height:28.95pt}p{margin:0;text-indent:2em}</style>' + body)
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "page.html")
        with open(src, "w", encoding="utf-8") as f:
            f.write(page)
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={out}", "file://" + src],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)


def png(width, height):
    """A grey picture standing in for a scanned page (PNG, no text)."""
    import struct
    import zlib

    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + bytes((x * 7 + y * 3) % 256 for x in range(width)) for y in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def chromium_scan(out):
    """A page that holds only a picture, as a scanner's PDF does."""
    import base64
    data = base64.b64encode(png(200, 280)).decode()
    page = f'<!doctype html><style>@page{{size:A4;margin:0}}img{{width:210mm}}</style><img src="data:image/png;base64,{data}">'
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "scan.html")
        with open(src, "w", encoding="utf-8") as f:
            f.write(page)
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={out}", "file://" + src],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)


FEATURES = """<text:tracked-changes text:track-changes="false">
<text:changed-region xml:id="ct1" text:id="ct1"><text:deletion><office:change-info><dc:creator>审核人</dc:creator><dc:date>2024-03-01T09:00:00</dc:date></office:change-info><text:p>删去的字</text:p></text:deletion></text:changed-region>
<text:changed-region xml:id="ct2" text:id="ct2"><text:insertion><office:change-info><dc:creator>审核人</dc:creator><dc:date>2024-03-01T09:01:00</dc:date></office:change-info></text:insertion></text:changed-region>
</text:tracked-changes>"""


def features_body():
    """Everything a faithful reader must place: a manual line break, a tab,
    a table, a text box, a footnote, a comment, a PAGE field, a tracked
    deletion and a tracked insertion, automatic numbering at three levels."""
    return (
        '<text:p text:style-name="Title">关于做好安全生产工作的通知</text:p>'
        '<text:p text:style-name="Standard">各区县、各部门：</text:p>'
        '<text:h text:style-name="Heading_20_1" text:outline-level="1">总体要求</text:h>'
        '<text:p text:style-name="Text_20_body">请认真落实<text:change text:change-id="ct1"/>安全生产责任<text:change-start text:change-id="ct2"/>制度<text:change-end text:change-id="ct2"/>。'
        '<office:annotation><dc:creator>审核人</dc:creator><dc:date>2024-03-01T09:02:00</dc:date><text:p>批注不是正文</text:p></office:annotation>'
        '本页为第<text:page-number text:select-page="current">1</text:page-number>页。</text:p>'
        '<text:h text:style-name="Heading_20_2" text:outline-level="2">加强领导</text:h>'
        '<text:h text:style-name="Heading_20_2" text:outline-level="2">压实责任</text:h>'
        '<text:h text:style-name="Heading_20_1" text:outline-level="1">工作安排</text:h>'
        '<text:h text:style-name="Heading_20_2" text:outline-level="2">时间安排</text:h>'
        '<text:h text:style-name="Heading_20_3" text:outline-level="3">第一阶段</text:h>'
        '<text:p text:style-name="Text_20_body">联系人：张三<text:tab/>电话：12345678<text:note text:id="n1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>脚注不是正文</text:p></text:note-body></text:note></text:p>'
        '<table:table table:name="T1"><table:table-column table:number-columns-repeated="2"/>'
        '<table:table-row><table:table-cell office:value-type="string"><text:p>单位</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>人数</text:p></table:table-cell></table:table-row>'
        '<table:table-row><table:table-cell office:value-type="string"><text:p>办公室</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>3</text:p></table:table-cell></table:table-row>'
        '</table:table>'
        '<text:p text:style-name="Standard"><draw:frame draw:name="框1" text:anchor-type="as-char" svg:width="60mm" svg:height="12mm"><draw:text-box><text:p>文本框里的字</text:p></draw:text-box></draw:frame></text:p>'
        '<text:p text:style-name="Standard">某某市人民政府办公室<text:line-break/>2024年3月5日</text:p>'
    )


def main():
    if not shutil.which("soffice"):
        sys.exit("soffice not found: apt-get install libreoffice-writer-nogui")
    os.chdir(HERE)
    notice = corpus_lines("govcn_5345440.txt")
    docs = {
        "notice": fodt(STANDARD, paragraphs(notice)),
        "deviant": fodt(DEVIANT, paragraphs(notice)),
        "features": fodt(STANDARD, features_body(), FEATURES),
    }
    # 20 pages and more for the benchmarks: two long corpus documents.
    long_lines = corpus_lines("govcn_5359620.txt") + corpus_lines("govcn_5342665.txt")[1:]
    docs["long"] = fodt(STANDARD, paragraphs(long_lines, numbered=False))
    with tempfile.TemporaryDirectory() as tmp:
        for name, xml in docs.items():
            src = os.path.join(tmp, name + ".fodt")
            with open(src, "w", encoding="utf-8") as f:
                f.write(xml)
            shutil.copy(src, HERE)
            for fmt in ("docx", "doc", "pdf"):
                soffice(src, fmt, HERE)
    with open("notice.txt", "w", encoding="utf-8") as f:
        f.write("\n".join(notice) + "\n")
    chromium_pdf(notice, os.path.join(HERE, "notice-chromium.pdf"))
    chromium_scan(os.path.join(HERE, "scan.pdf"))
    # Held out: PDFs of documents the PDF reader was not tuned on, kept
    # only to measure it (measure.py).
    heldout = os.path.join(HERE, "heldout")
    os.makedirs(heldout, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name in HELDOUT:
            lines = corpus_lines(name)
            base = name.replace(".txt", "")
            src = os.path.join(tmp, base + ".fodt")
            with open(src, "w", encoding="utf-8") as f:
                f.write(fodt(STANDARD, paragraphs(lines, numbered=False)))
            soffice(src, "pdf", heldout)
            chromium_pdf(lines, os.path.join(heldout, base + "-chromium.pdf"))


# Corpus documents for the held-out measurement of the PDF reader.
HELDOUT = ["govcn_5350427.txt", "govcn_5352666.txt", "govcn_5358604.txt"]


if __name__ == "__main__":
    main()
