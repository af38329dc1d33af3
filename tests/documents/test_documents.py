"""Pages become readable text with metadata, whatever their markup and charset."""

from verifiers.documents import decode_body, read_document
from verifiers.model import FetchedPage


def page(body: bytes | str, content_type: str | None = "text/html") -> FetchedPage:
    data = body.encode() if isinstance(body, str) else body
    return FetchedPage(
        "https://a.example/p",
        "https://a.example/p",
        200,
        "live",
        "",
        content_type=content_type,
        body=data,
    )


def test_blocks_are_paragraphs_and_inline_elements_join_without_spaces() -> None:
    html = (
        "<html><head><title>T</title><style>p{}</style></head><body>"
        "<script>var x = 'hidden';</script><noscript>enable js</noscript>"
        "<template><p>tpl</p></template>"
        "<h1>Head&shy;line</h1><p>One <b>bo</b>ld, <a href='#'>linked</a> &amp; "
        "&ldquo;quoted&rdquo;.</p><div>Second<br>line</div><p hidden>secret</p></body></html>"
    )
    document = read_document(page(html))
    assert document.text == "Head\u00adline\n\nOne bold, linked & “quoted”.\n\nSecond\nline"


def test_whitespace_collapses_except_in_pre() -> None:
    document = read_document(page("<p>a\n   b</p><pre>x\ny</pre>"))
    assert document.text == "a b\n\nx\ny"


def test_plain_text_pages_are_read_as_they_are() -> None:
    document = read_document(page("Line one.\r\nLine <b>two</b>.", "text/plain"))
    assert document.text == "Line one.\nLine <b>two</b>."


def test_charset_from_header_then_meta_then_detection() -> None:
    text = "Müller sagte: „Wir verhandeln“ – café"
    assert decode_body(text.encode("utf-8"), "text/html; charset=utf-8") == text
    latin = "<meta charset='windows-1252'><p>caf\xe9 \u201cquoted\u201d</p>".encode("cp1252")
    assert "café “quoted”" in decode_body(latin, "text/html")
    assert "café" in decode_body("<p>café</p>".encode("latin-1"), "text/html; charset=iso-8859-1")
    assert decode_body(b"\xef\xbb\xbfBOM text", None) == "BOM text"
    undeclared = "Der Präsident erklärte, die Verhandlungen würden fortgesetzt. " * 5
    assert "Präsident" in decode_body(undeclared.encode("cp1252"), None)


def test_metadata_from_json_ld_first() -> None:
    html = """<html><head><title>Page title | Site</title>
    <meta property="og:title" content="OG title"><meta name="author" content="Meta Author">
    <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"WebSite","name":"Site"},
      {"@type":"NewsArticle","headline":"The headline","datePublished":"2022-08-25T10:00:00Z",
       "author":[{"@type":"Person","name":"Fiona Hill"},{"@type":"Person","name":"Angela Stent"}],
       "publisher":{"@type":"Organization","name":"Foreign Affairs"}}]}</script>
    </head><body><p>x</p></body></html>"""
    metadata = read_document(page(html)).metadata
    assert metadata.title == "The headline"
    assert metadata.authors == ["Fiona Hill", "Angela Stent"]
    assert metadata.publisher == "Foreign Affairs"
    assert metadata.published == "2022-08-25"


def test_metadata_from_citation_and_open_graph_tags() -> None:
    html = """<html><head><title>Fallback</title>
    <meta name="citation_title" content="A Paper"><meta name="citation_author" content="Hill, F.">
    <meta name="citation_author" content="Stent, A."><meta name="citation_date" content="2022/9/1">
    <meta property="og:site_name" content="Journal Site"></head><body></body></html>"""
    metadata = read_document(page(html)).metadata
    assert metadata.title == "A Paper"
    assert metadata.authors == ["Hill, F.", "Stent, A."]
    assert metadata.publisher == "Journal Site"
    assert metadata.published == "2022-09-01"


def test_broken_json_ld_and_missing_metadata_are_harmless() -> None:
    html = '<script type="application/ld+json">{not json</script><p>text</p>'
    metadata = read_document(page(html)).metadata
    assert metadata.authors == [] and metadata.published is None


def test_undeclared_cyrillic_is_detected() -> None:
    text = "Президент заявил, что переговоры будут продолжены в ближайшее время. " * 3
    assert "переговоры" in decode_body(text.encode("cp1251"), None)


def test_a_line_break_after_a_hyphen_survives_whitespace_folding() -> None:
    document = read_document(page("<p>negoti-\n   ated, Arbeiter-  und\nSoldaten</p>"))
    assert document.text == "negoti-\nated, Arbeiter- und Soldaten"
    assert [document.index.word_at(p) for p in range(len(document.index))] == [
        "negotiated",
        "arbeiter",
        "und",
        "soldaten",
    ]


def test_pdf_text_and_information_are_read() -> None:
    from tests.support.pdf import make_pdf

    body = make_pdf(
        [["The committee found that the budget", "was sound."], ["Page two."]],
        title="Budget Report",
        author="Anna Berg",
    )
    document = read_document(page(body, "application/pdf"))
    assert document.text == "The committee found that the budget\nwas sound.\n\nPage two."
    assert document.metadata.title == "Budget Report"
    assert document.metadata.authors == ["Anna Berg"]
    assert document.metadata.published == "2023-05-14"


def test_a_broken_pdf_is_an_unreadable_source() -> None:
    import pytest

    from verifiers.errors import UnreadableSource

    with pytest.raises(UnreadableSource, match="the PDF could not be read"):
        read_document(page(b"%PDF-1.4\ngarbage", "application/pdf"))


def test_pages_nested_too_deep_to_parse_are_read_without_markup() -> None:
    html = "<p>Intro &amp; more</p>" + "<div>" * 5000 + "deep <b>text</b>" + "</div>" * 5000
    assert read_document(page(html)).text == "Intro & more\n\ndeep text"


def test_paywall_and_consent_stubs_are_recognised_but_full_articles_are_not() -> None:
    stub = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "hasPart": '
        '{"@type": "WebPageElement", "isAccessibleForFree": "False"}}</script>'
        "<p>The first lines of the story…</p><p>Subscribe to read on.</p>"
    )
    assert "isAccessibleForFree" in read_document(page(stub)).wall
    consent = '<div id="onetrust-consent-sdk"><p>We value your privacy.</p></div>'
    assert "consent" in read_document(page(consent)).wall
    article = stub + "<p>" + "The whole story is here. " * 200 + "</p>"
    assert read_document(page(article)).wall is None
    assert read_document(page("<p>A short note with no wall.</p>")).wall is None


def test_a_stub_is_a_source_that_could_not_be_read() -> None:
    from verifiers.documents import read_source

    stub = '<div class="paywall-overlay"><p>Subscribe to continue reading.</p></div>'
    report, document = read_source(page(stub))
    assert document is None
    assert report.error.startswith("not the article but a stub: paywall")
    assert report.error_kind == "blocked"
    readable, _ = read_source(page("<p>The council met.</p>"))
    assert readable.error is None and readable.error_kind is None


def test_byline_date_and_headline_read_from_the_visible_page() -> None:
    html = """<html><head><title>Tram vote &amp;#8211; City News</title>
    <meta property="og:title" content="Council backs the river tram &amp;amp; budget"></head>
    <body><header><h1 class="logo">City News</h1></header><article>
    <h1>Council backs the river tram &amp; budget</h1>
    <p class="byline">Von Anna Berg und Karl Meyer | 14. Mai 2023</p>
    <p>The council voted on Tuesday. In 2019, a first plan failed.</p></article></body></html>"""
    metadata = read_document(page(html)).metadata
    assert metadata.title == "Council backs the river tram & budget"
    assert metadata.authors == ["Anna Berg", "Karl Meyer"]
    assert metadata.published == "2023-05-14"


def test_byline_written_in_the_text_and_a_date_in_the_url() -> None:
    html = """<html><head><title>Rail strike ends</title></head><body><article>
    <h1>Rail strike ends</h1><p>Par Matthieu Hy et Claire Dubois</p>
    <p>The unions signed the agreement on Friday.</p></article></body></html>"""
    fetched = FetchedPage(
        "https://news.example/2021/03/05/rail-strike",
        None,
        200,
        "live",
        "",
        "text/html",
        body=html.encode(),
    )
    metadata = read_document(fetched).metadata
    assert metadata.authors == ["Matthieu Hy", "Claire Dubois"]
    assert metadata.published == "2021-03-05"


def test_dates_from_scripts_data_and_from_a_labelled_date() -> None:
    scripted = """<html><body><h1>Story</h1><p>Text.</p>
    <script>window.__DATA__ = {"postedBy": "Cara Stiles", "datePosted": "April 13, 2020"};
    </script></body></html>"""
    assert read_document(page(scripted)).metadata.published == "2020-04-13"
    labelled = """<html><body><h1>Story</h1><p>Long text here.</p>
    <p>Letzte Änderung: 31.10.2023 · Erschienen am: 01.11.2023</p></body></html>"""
    assert read_document(page(labelled)).metadata.published == "2023-11-01"


def test_a_declared_first_name_is_completed_from_the_written_byline() -> None:
    html = """<html><head><script type="application/ld+json">{"@type": "NewsArticle",
    "headline": "New robot samples blood", "author": {"@type": "Person", "name": "Todd"}}
    </script></head><body><article><h1>New robot samples blood</h1><p>By</p>
    <p>Todd Bates</p><p>The robot drew blood faster than nurses.</p></article></body></html>"""
    assert read_document(page(html)).metadata.authors == ["Todd Bates"]


def test_a_byline_label_anywhere_on_the_page_names_the_author() -> None:
    from verifiers.documents.visible_metadata import labelled_byline

    assert labelled_byline("Story text.\n\nText: Klausmartin Friedrich\n\nFotos: X") == [
        "Klausmartin Friedrich"
    ]
    assert labelled_byline("Information\n\nAutor\n\nNikolai Huke,\n\nQuote") == ["Nikolai Huke"]
    assert labelled_byline("Headline\n\nByAlex Bozarjian\n\nThursday") == ["Alex Bozarjian"]
    assert labelled_byline("Menu\n\nBy Main Ingredient:\n\nRecipes") == []


def test_a_username_author_becomes_the_name_the_page_writes() -> None:
    from verifiers.documents.metadata import _readable

    text = "Bürgermeisterwahl\n\nVon Christian P. Stadtfeld\n\nDer Text. Arian Schlichenmayer"
    assert _readable(["christian.stadtfeld", "arianschlichenmayer", "Jo Park"], text) == [
        "Christian P. Stadtfeld",
        "Arian Schlichenmayer",
        "Jo Park",
    ]
    assert _readable(["uriebe"], text) == ["uriebe"]


def test_a_blog_signature_beside_its_date_names_the_author() -> None:
    from verifiers.documents.visible_metadata import signed_by

    assert signed_by("Publiziert am 13. Januar 2014 von uriebe\n\nText") == ["uriebe"]
    assert signed_by("Posted by Konstantin 21.10.2019") == ["Konstantin"]
    assert signed_by("von Marianne1\nam 20.09.2020") == ["Marianne1"]
    assert signed_by("a walk by the river on a fine day") == []
    assert signed_by("", "So long, and thanks.\n\nBenni\n10. September 2017\n\nText") == ["Benni"]


def test_desks_forum_starters_and_press_officers_sign_too() -> None:
    from verifiers.documents.visible_metadata import labelled_byline, signed_by

    assert signed_by("", "Viertelfinale\n\nRedaktion\n\nam 3. Februar 2022 um 20:17") == [
        "Redaktion"
    ]
    assert signed_by("Melas\n\nby\n\ndelta201\n\nChapter 1") == ["delta201"]
    assert signed_by("Fell\n\nThemenstarter Pepemaus\n\nBeginndatum") == ["Pepemaus"]
    assert labelled_byline("Text.\n\nAlexandra Weber\n\nStellvertretende Pressesprecherin") == [
        "Alexandra Weber"
    ]


def test_the_byline_under_the_headline_outranks_a_related_storys() -> None:
    html = """<html><head><title>Housing is scarce</title></head><body>
    <article><h1>Students are still looking for a room</h1><p>Von Lisa Petrich</p>
    <p>Mi, 18. Oktober 2023 um 12:50 Uhr</p><p>Lectures have begun.</p>
    <p>{story}</p></article><aside><p class="author">Clara Müller</p><p>Another story</p>
    </aside></body></html>""".format(story="The rooms are few and dear. " * 60)
    metadata = read_document(page(html)).metadata
    assert metadata.authors == ["Lisa Petrich"]
    assert metadata.published == "2023-10-18"


def test_a_written_byline_ends_where_the_next_words_begin() -> None:
    html = """<html><body><article><h1>Once paid, everything read</h1>
    <p>Am 13. November 2019 Von Henry In Aktuell</p><p>Von Mitte September an gilt es.</p>
    </article></body></html>"""
    assert read_document(page(html)).metadata.authors != ["Henry In Aktuell"]
    assert "Mitte September" not in read_document(page(html)).metadata.authors


def test_translators_and_picture_credits_are_not_the_byline() -> None:
    html = """<html><body><article><h1>Clickbait costs carbon</h1>
    <figure><img src="x.jpg"><span class="license-info"><a href="/author/x">Nenad
    Stojkovic</a></span></figure>
    <p class="first-p-author">Übersetzung <span><a href="/author/sarah-indra/">Sarah-Indra
    Jungblut</a></span></p><div class="author"><p>Autor <span>Mark Newton:</span></p></div>
    <p>Headlines like this one are familiar.</p></article></body></html>"""
    assert read_document(page(html)).metadata.authors == ["Mark Newton"]


def test_a_forum_handle_with_digits_and_its_date_sign_a_post() -> None:
    html = """<html><body><h1>Site name</h1><div class="news"><h2>The events of late</h2>
    <p>Text of the post.</p><div class="left author">Author: <a href="/p/58"><b>Bo2man</b>
    </a> am 29.12.2010, 13:36 Uhr</div></div><table><tr><td class="author">29.12.10<br>
    <a href="/p/62">CatfiSh</a></td></tr></table></body></html>"""
    metadata = read_document(page(html)).metadata
    assert metadata.authors == ["Bo2man"]
    assert metadata.published == "2010-12-29"


def test_the_date_beside_the_byline_outranks_a_plain_meta_date() -> None:
    html = """<html><head><meta name="date" content="2020-04-30"></head><body><article>
    <h1>Rent strike in the United States</h1><ul><li class="Author">Von Moritz Wichmann</li>
    <li class="Date">29.04.2020, 12:01 Uhr</li></ul><p>Text.</p></article></body></html>"""
    assert read_document(page(html)).metadata.published == "2020-04-29"
    short_year = html.replace("29.04.2020, 12:01 Uhr", "31.10.23")
    assert read_document(page(short_year)).metadata.published == "2023-10-31"


def test_slashed_dates_are_read_as_the_pages_language_writes_them() -> None:
    def published(lang: str, written: str) -> str | None:
        html = f"""<html lang="{lang}"><body><article><h1>Student halls are too full</h1>
        <p>The Guardian <span class="time">{written}</span> <span class="authorname-txt">Anna
        Fazackerley</span></p><p>Text.</p></article></body></html>"""
        return read_document(page(html)).metadata.published

    assert published("en-GB", "02/10/2020") == "2020-10-02"
    assert published("en-US", "02/10/2020") == "2020-02-10"
    assert published("en", "02/10/2020") is None  # either reading is a date
    assert published("en", "25/10/2020") == "2020-10-25"


def test_dates_from_an_hatom_title_and_a_dashed_url() -> None:
    html = """<html><body><h1>Did Mozart's parents worry?</h1>
    <span class="updated" title="2013-04-04T18:52:11+00:00"></span><p>Text.</p></body></html>"""
    assert read_document(page(html)).metadata.published == "2013-04-04"
    fetched = FetchedPage(
        "https://news.example/local/2020-02/19/c_1125597921.htm",
        None,
        200,
        "live",
        "",
        "text/html",
        body=b"<html><body><h1>Voices</h1><p>Text.</p></body></html>",
    )
    assert read_document(fetched).metadata.published == "2020-02-19"


def test_the_last_update_a_page_declares_is_kept_beside_its_publication() -> None:
    html = """<html><head><meta property="article:published_time" content="2021-11-29T14:13:37">
    <meta property="article:modified_time" content="2022-01-12T14:27:30"></head><body>
    <article><h1>Do fish feel pain?</h1><p class="author">Christoph Hein</p><p>12.01.2022</p>
    <p>Text.</p></article></body></html>"""
    metadata = read_document(page(html)).metadata
    assert (metadata.published, metadata.updated) == ("2021-11-29", "2022-01-12")
    unchanged = html.replace("2022-01-12T14:27:30", "2021-11-29T15:00:00").replace(
        "12.01.2022", "29.11.2021"
    )
    assert read_document(page(unchanged)).metadata.updated is None


def test_a_sentences_von_and_the_headlines_words_are_not_bylines() -> None:
    def authors(body: str, headline: str = "Care instead of a new law") -> list[str]:
        html = f"<html><body><article><h1>{headline}</h1>{body}</article></body></html>"
        return read_document(page(html)).metadata.authors

    assert authors("<p>Groups reject das von Heiko Maas geplante Gesetz.</p>") == []
    assert authors("<p>Text.</p>", "Auf den Spuren von Rafael Nadal") == []
    assert authors("<p>Par\u00a0Matthieu Hy le 07 Mai 2020</p><p>Text.</p>") == ["Matthieu Hy"]
    assert authors("<p>Blog Beitrag von Margarita Koreneva</p><p>Text.</p>") == [
        "Margarita Koreneva"
    ]


def test_the_context_keeps_the_space_between_it_and_the_passage() -> None:
    from verifiers.documents.fragments import context

    text = "The council said property taxes this year unless the state pays, it added."
    start = text.index("property")
    end = text.index(" unless")
    before, after = context(text, start, end, 200)
    assert (before, after) == ("The council said ", " unless the state pays, it added.")
    right_before_comma = context(text, text.index("unless"), text.index(", it"), 200)
    assert right_before_comma[1] == ", it added."
