"""The language check: a document the rules cannot read needs clarification, never not-a-spec."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REFERENCE_SUMMARY, ROOT, policy_problems
from triage import RuleSet, assess_text, default_ruleset
from triage.inputs import make_document
from triage.inputs.language import language_sample, surely_covered, words_of
from triage.judge import Decision, Features, Judge, explain_document
from triage.judge.decide import settle_language
from triage.report import Dimensions, SeedReport
from triage.run.evaluate import score
from triage.run.labels import Label
from triage.scan import compile_scanner

# Requirements paragraphs written for these tests: six in languages the rules read (Swedish,
# Turkish and Vietnamese since round 11), three in languages they do not.
GERMAN = """# Anforderungen an die Zeiterfassung

Die Anwendung soll es den Mitarbeitern ermöglichen, ihre Arbeitszeiten täglich zu erfassen. Jeder
Eintrag besteht aus dem Datum, der Anfangszeit, der Endzeit und einer kurzen Beschreibung der
Tätigkeit. Die Vorgesetzten müssen die Einträge ihrer Abteilung einsehen und am Monatsende
freigeben können. Das System muss eine Übersicht als Tabelle anzeigen und die Daten auf Wunsch als
Datei exportieren. Die Anmeldung erfolgt über das bestehende Firmenkonto.
"""
CHINESE = """# 图书借阅系统需求

系统需要支持读者在线查询馆藏图书，并显示每本书的位置和借阅状态。读者登录后可以预约已借出的图书，
图书归还后系统应自动发送通知。管理员可以添加、修改和删除图书信息，并导出每月的借阅统计报表。
所有操作都必须记录日志，以便日后核对。
"""
SPANISH = """# Requisitos de la aplicación de reservas

La aplicación debe permitir a los clientes reservar una mesa en el restaurante desde el teléfono.
Cada reserva incluye la fecha, la hora, el número de personas y un nombre de contacto. El personal
del restaurante tiene que ver todas las reservas del día en una lista ordenada por hora y poder
cancelarlas. El sistema enviará un mensaje de confirmación al cliente una hora antes de la cita.
"""
SWEDISH = """# Krav på bokningssystemet för tvättstugan

Systemet ska låta de boende boka en tid i tvättstugan från mobilen eller från skärmen i
entrén. Varje bokning gäller ett pass på tre timmar och visar lägenhetens nummer. En boende får
ha högst två bokningar samtidigt, och en bokning som inte har påbörjats inom en halvtimme ska
släppas så att någon annan kan ta den. Fastighetsskötaren ska kunna stänga av en maskin som är
trasig, och då ska alla bokningar på den maskinen flyttas eller avbokas med ett meddelande.
"""
TURKISH = """# Kütüphane üyelik sistemi gereksinimleri

Sistem, üyelerin kitapları internet üzerinden aramasına ve ayırtmasına izin vermelidir. Her
üyenin aynı anda en fazla beş kitabı olabilir ve iade tarihi geçen kitaplar için her gün
otomatik olarak bir hatırlatma e-postası gönderilmelidir. Görevliler yeni kitap ekleyebilmeli,
kayıtları düzeltebilmeli ve aylık ödünç verme raporunu bir tablo dosyası olarak indirebilmelidir.
Üyeler şifrelerini unuttuklarında kendi e-posta adresleri ile yeni bir şifre alabilmelidir.
"""
VIETNAMESE = """# Yêu cầu cho ứng dụng đặt lịch khám bệnh

Ứng dụng phải cho phép bệnh nhân chọn bác sĩ, chọn ngày và giờ khám còn trống, rồi xác nhận lịch
hẹn bằng số điện thoại của mình. Mỗi lịch hẹn kéo dài ba mươi phút và bệnh nhân có thể hủy lịch
trước giờ khám ít nhất hai tiếng. Hệ thống cần gửi tin nhắn nhắc nhở vào buổi sáng của ngày khám.
Nhân viên lễ tân phải xem được danh sách lịch hẹn trong ngày và đánh dấu những người đã đến.
"""
FINNISH = """# Pyörävaraston varausjärjestelmän vaatimukset

Järjestelmän on annettava asukkaiden varata paikka taloyhtiön pyörävarastosta puhelimella tai
rappukäytävän näytöltä. Jokainen varaus koskee yhtä paikkaa kuukaudeksi kerrallaan ja näyttää
asunnon numeron. Asukkaalla saa olla enintään kaksi paikkaa yhtä aikaa. Isännöitsijän on voitava
sulkea rikkinäinen teline, jolloin sen varaukset siirretään toiseen paikkaan ja asukkaalle
lähetetään viesti. Kuukauden lopussa järjestelmä tekee raportin vapaista paikoista.
"""
HUNGARIAN = """# A könyvtári tagnyilvántartó rendszer követelményei

A rendszernek lehetővé kell tennie, hogy a tagok az interneten keressenek és foglaljanak le
könyveket. Minden tagnál egyszerre legfeljebb öt könyv lehet, és a lejárt határidejű könyvekről a
rendszernek minden nap automatikusan emlékeztető levelet kell küldenie. A könyvtárosok új
könyveket vehetnek fel, javíthatják az adatokat, és a havi kölcsönzési jelentést táblázatként
letölthetik. Ha egy tag elfelejti a jelszavát, az e-mail címével újat kérhet.
"""
GREEK = """# Απαιτήσεις του συστήματος κρατήσεων για το γυμναστήριο

Το σύστημα πρέπει να επιτρέπει στα μέλη να κλείνουν θέση σε ομαδικό μάθημα από το κινητό τους.
Κάθε κράτηση αφορά ένα μάθημα και δείχνει την ώρα, τον προπονητή και τις ελεύθερες θέσεις. Ένα
μέλος μπορεί να έχει το πολύ τρεις κρατήσεις την εβδομάδα. Αν ένα μάθημα ακυρωθεί, το σύστημα
πρέπει να στέλνει μήνυμα σε όλα τα μέλη που το είχαν κλείσει. Ο διαχειριστής βλέπει κάθε μήνα
μια αναφορά με τη συμμετοχή ανά μάθημα.
"""
ENGLISH_WITH_CODE = """# Export service

The service shall export every order of the previous day to a CSV file at midnight. Each row
holds the order number, the customer, the total and the currency, in that order.

```python
def export_orders(day: date, out: Path) -> int:
    rows = db.query(Order).filter(Order.day == day).all()
    with out.open("w", newline="") as handle:
        writer = csv.writer(handle)
        for row in rows:
            writer.writerow([row.id, row.customer_id, row.total, row.currency])
    return len(rows)
```

| column   | type    | example |
|----------|---------|---------|
| id       | integer | 1042    |
| customer | text    | ACME    |

```sql
SELECT id, customer_id, total, currency FROM orders WHERE day = :day ORDER BY id;
CREATE INDEX IF NOT EXISTS orders_day ON orders (day);
```

It must retry a failed upload three times and then alert the operator by e-mail. The command
`export --day 2024-05-01 --out orders.csv` runs one export by hand for a given day.

```yaml
schedule: "0 0 * * *"
retries: 3
target: s3://exports/orders/
```
"""
NOTHING = Dimensions(software_spec=False, hardware_target=False, performance_core=False)


@pytest.fixture(scope="module")
def ruleset() -> RuleSet:
    return default_ruleset()


@pytest.mark.parametrize(
    ("text", "code", "name"),
    [(FINNISH, "fi", "Finnish"), (HUNGARIAN, "hu", "Hungarian"), (GREEK, "el", "Greek")],
)
def test_a_spec_in_a_language_the_rules_do_not_read_needs_clarification_with_the_question(
    ruleset: RuleSet, text: str, code: str, name: str
) -> None:
    report = assess_text(text, ruleset, markdown=True)
    assert report.language == code
    assert report.verdict == "needs-clarification"
    assert report.questions[0].startswith(f"This document is in {name}; our rules read English,")
    assert report.reason is not None and name in report.reason


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (GERMAN, "de"),
        (SPANISH, "es"),
        (CHINESE, "zh"),
        (SWEDISH, "sv"),
        (TURKISH, "tr"),
        (VIETNAMESE, "vi"),
    ],
)
def test_a_spec_in_a_language_the_rules_read_is_judged_by_its_words(
    ruleset: RuleSet, text: str, code: str
) -> None:
    report = assess_text(text, ruleset, markdown=True)
    assert report.language == code
    assert report.dimensions.software_spec
    assert report.verdict != "not-a-spec"
    assert not any(q.startswith("This document is in") for q in report.questions)


def test_english_documents_are_untouched(
    ruleset: RuleSet, reference_text: str, card_text: str
) -> None:
    reference = assess_text(reference_text, ruleset)
    assert (reference.language, reference.verdict) == ("en", "not-a-spec")
    assert reference.summary == REFERENCE_SUMMARY
    card = assess_text(card_text, ruleset, markdown=True)
    assert (card.language, card.verdict) == ("en", "buildable")
    assert not any("This document is in" in q for q in (*reference.questions, *card.questions))


def test_code_blocks_do_not_make_an_english_spec_look_foreign(ruleset: RuleSet) -> None:
    languages = ruleset.policy.languages
    assert languages is not None
    sample = language_sample(ENGLISH_WITH_CODE, languages.sample_chars)
    assert "writer.writerow" not in sample and "CREATE INDEX" not in sample
    assert surely_covered(words_of(sample), languages) == "en"  # no classifier needed
    assert assess_text(ENGLISH_WITH_CODE, ruleset, markdown=True).language == "en"


def test_a_short_text_is_not_checked(ruleset: RuleSet) -> None:
    report = assess_text("Das System muss Berichte als Datei exportieren.", ruleset)
    assert report.language is None


def test_the_quick_check_loads_no_classifier_for_english() -> None:
    code = (
        "import sys\n"
        "from triage import assess_text\n"
        f"english = assess_text({ENGLISH_WITH_CODE!r}, markdown=True)\n"
        "print(english.language, 'py3langid' in sys.modules)\n"
        f"german = assess_text({GERMAN!r}, markdown=True)\n"
        "print(german.language, 'py3langid' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout.split("\n")[:2] == ["en False", "de True"]


def _decision(verdict: str) -> Decision:
    return Decision(verdict, "the rules' reason", "other", 0.0, None, NOTHING)  # type: ignore[arg-type]


def test_settle_language_only_lifts_a_not_a_spec(ruleset: RuleSet) -> None:
    policy = ruleset.policy
    lifted = settle_language(policy, _decision("not-a-spec"), "fi")
    assert (lifted.verdict, lifted.reason) == (
        "needs-clarification",
        "is written in Finnish, which the rules do not read: what it asks for cannot be judged "
        "from its words",
    )
    assert lifted.trace.language is not None
    assert (lifted.trace.language.before, lifted.trace.language.after) == (
        "not-a-spec",
        "needs-clarification",
    )
    kept = settle_language(policy, _decision("buildable"), "fi")
    assert (kept.verdict, kept.reason) == ("buildable", "the rules' reason")
    assert kept.trace.language is not None and kept.trace.language.question is None
    english = settle_language(policy, _decision("not-a-spec"), "en")
    assert english.verdict == "not-a-spec" and english.trace.language is not None
    assert settle_language(policy, _decision("not-a-spec"), None).trace.language is None


class NotASpecDecider:
    """Calls everything not-a-spec: the language step still applies, whoever decides."""

    def decide(self, features: Features) -> Decision:
        return _decision("not-a-spec")


def test_every_decider_goes_through_the_language_step_and_explain_shows_it(
    ruleset: RuleSet,
) -> None:
    judge = Judge(ruleset, decider=NotASpecDecider())
    doc = make_document(FINNISH, "vaatimukset.md", markdown=True)
    result = compile_scanner(ruleset.rules).scan(doc.text)
    assert judge.judge(doc, result).decision.verdict == "needs-clarification"
    explained = explain_document(doc, result, ruleset, judge=judge)
    assert "language fi (not read by the rules: en, cs, de, es," in explained
    assert "language fi: not-a-spec becomes needs-clarification" in explained


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "  covered: [en, cs, de, es, fr, id, it, ja, ko, nl, pl, pt, ru, sv, tr, uk, vi, zh]",
            "  covered: []",
            "languages.covered: needs at least 1 item",
        ),
        (
            "  covered: [en, cs, de, es, fr, id, it, ja, ko, nl, pl, pt, ru, sv, tr, uk, vi, zh]",
            "  covered: [English, de]",
            "'English' is not a language code",
        ),
        ("  common_words:\n    en:", "  common_words:\n    fi:", "'fi' is not a covered language"),
        ("our rules read {covered}", "our rules read {rules}", "question: cannot fill in"),
        ("  sure_share: 0.12", "  sure_share: 2", "languages.sure_share: should be at most 1"),
    ],
)
def test_a_bad_languages_section_is_refused_with_its_line(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    _, problems = policy_problems(tmp_path, old, new)
    assert len(problems) == 1
    assert message in problems[0]
    assert problems[0].startswith(f"{tmp_path / 'policy.yaml'}:")


def _label(name: str, verdict: str, language: str | None) -> Label:
    return Label(
        file=name,
        verdict=verdict,  # type: ignore[arg-type]
        genre="other",
        signals={},
        language=language,
    )


def _report(name: str, verdict: str, language: str | None) -> SeedReport:
    return SeedReport(
        path=name,
        file=name,
        verdict=verdict,  # type: ignore[arg-type]
        genre_id="other",
        dimensions=NOTHING,
        language=language,
    )


def test_eval_scores_every_document_and_adds_the_covered_language_figures() -> None:
    labels = [
        _label("a", "not-a-spec", "en"),
        _label("b", "not-a-spec", "de"),
        _label("c", "not-a-spec", "en"),
        _label("d", "not-a-spec", "fr"),
    ]
    reports = [
        _report("a", "not-a-spec", "en"),
        _report("b", "needs-clarification", "de"),
        _report("c", "needs-clarification", "es"),  # a detection error
        _report("d", "not-a-spec", None),  # too short to tell
    ]
    figures = score(labels, reports, covered=("en",))
    assert figures.verdict_accuracy == 0.5  # every document counts
    languages = figures.languages
    assert languages is not None
    assert (languages.documents, languages.verdict_accuracy, languages.outside) == (2, 1.0, 2)
    assert (languages.labelled_covered, languages.missed) == (1, 1)
    assert score(labels, reports, covered=()).languages is None
