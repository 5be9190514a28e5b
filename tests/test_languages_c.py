"""Dutch, Swedish, Turkish, Vietnamese, Ukrainian and Czech: the rules of
requirements-languages-b.yaml and genres-languages.yaml read them, and the policy covers them. A
short spec in each is never called not-a-spec, and a news item and an opinion piece in each are
not-a-spec. Every text here was written for these tests."""

from __future__ import annotations

import pytest
import re2

from tests.evidence import assert_spec_in_language
from triage import RuleSet, assess_text, default_ruleset

NEW = ("nl", "sv", "tr", "vi", "uk", "cs")

SPECS = {
    "nl": """# Reserveringssysteem voor de sporthal – eisen

## Functionele eisen

Het systeem moet elke reservering opslaan met datum, tijd en de naam van de zaal. Als gebruiker
wil ik een zaal kunnen reserveren vanaf mijn telefoon. De beheerder moet reserveringen kunnen
annuleren. De applicatie dient een bevestiging per e-mail te sturen na elke boeking.

- Gebruikers kunnen hun eigen reserveringen bekijken in een overzicht.
- Het formulier heeft een invoerveld voor de naam van de vereniging.

## Acceptatiecriteria

Verwacht resultaat: een geboekte zaal verschijnt niet meer in de lijst met vrije zalen. De
pagina laadt binnen 2 seconden.
""",
    "sv": """# Bokningssystem för tvättstugan – krav

## Funktionella krav

Systemet ska spara varje bokning med datum, tid och lägenhetsnummer. Som användare vill jag boka
ett pass från mobilen. Administratören ska kunna ta bort en bokning. Appen måste skicka en
påminnelse en timme innan passet börjar.

- Användaren ska kunna se sina egna bokningar i en lista.
- Formuläret har ett inmatningsfält för lägenhetsnumret och en knapp för att spara.

## Acceptanskriterier

Förväntat resultat: ett bokat pass visas inte längre som ledigt. Sidan ska svara inom 200 ms.
""",
    "tr": """# Kütüphane ödünç takip uygulaması – gereksinimler

## Fonksiyonel gereksinimler

Sistem her ödünç işlemini tarih ve üye numarasıyla kaydetmelidir. Bir kullanıcı olarak kitap
ayırtmak istiyorum. Kullanıcı kendi ödünç listesini görüntüleyebilmelidir. Uygulama iade
tarihi geçen üyelere bildirim göndermelidir. Yönetici yeni kitap ekleyebilmeli.

Veriler bir veritabanında saklanır ve arayüz üzerindeki Kaydet butonu ile güncellenir.

## Kabul kriterleri

Beklenen sonuç: iade edilen kitap listede tekrar müsait görünür. Arama 200 ms içinde sonuç
dönmelidir.
""",
    "vi": """# Ứng dụng quản lý thư viện trường học – yêu cầu

## Yêu cầu chức năng

Hệ thống phải lưu mỗi lượt mượn sách với ngày mượn và mã học sinh. Là người dùng, tôi muốn tìm
sách theo tên tác giả. Ứng dụng cần gửi thông báo khi sách quá hạn trả.

- Người dùng có thể xem danh sách sách đang mượn.
- Quản trị viên phải có thể thêm sách mới vào cơ sở dữ liệu.

## Tiêu chí chấp nhận

Kết quả mong đợi: sách đã trả hiển thị lại trong danh sách. Giao diện tìm kiếm phản hồi dưới
200 ms.
""",
    "uk": """# Сервіс запису до перукарні – вимоги

## Функціональні вимоги

Система повинна зберігати кожен запис з датою, часом і ім'ям майстра. Як користувач, я хочу
записатися на вільний час з телефону. Адміністратор повинен мати змогу скасувати запис.
Застосунок має надсилати нагадування за годину до візиту.

Дані зберігаються в базі даних, а інтерфейс має форму входу для клієнтів.

## Критерії приймання

Очікуваний результат: зайнятий час більше не показується у списку. Сторінка відповідає не
більше 200 мс.
""",
    "cs": """# Rezervační systém pro tělocvičnu – požadavky

## Funkční požadavky

Systém musí ukládat každou rezervaci s datem, časem a názvem sálu. Jako uživatel chci
rezervovat sál z mobilního telefonu. Aplikace musí poslat potvrzení e-mailem po každé rezervaci.
Správce musí mít možnost zrušit rezervaci.

Data se ukládají do databáze a uživatelské rozhraní má tlačítko pro uložení.

## Akceptační kritéria

Očekávaný výsledek: obsazený sál se již nezobrazuje v seznamu volných sálů. Stránka odpoví do
200 ms.
""",
}

NOT_SPECS = {
    "nl-news": """Gemeente sluit zwembad na lekkage

Het gemeentelijke zwembad blijft de komende weken dicht na een grote lekkage in de kelder,
verklaarde een woordvoerder van de gemeente dinsdag. Volgens de wethouder zijn de kosten van het
herstel nog niet bekend. Zwemclubs moeten voorlopig uitwijken naar een bad in een buurgemeente,
liet het college weten. Een inwoner zei tegen de lokale omroep dat het bad al jaren problemen
heeft. De gemeente maakt later deze maand bekend wanneer het bad weer opengaat.
""",
    "nl-opinion": """Waarom we de stad autoluw moeten maken

Volgens mij is het hoog tijd dat de gemeente durft te kiezen. Ik vind dat de binnenstad van
fietsers en voetgangers moet zijn, niet van auto's die zoeken naar een parkeerplek. Naar mijn
mening wordt de winkelier daar niet armer van, integendeel. Laten we eerlijk zijn: iedere keer
dat er een plan op tafel ligt, wordt het uitgesteld. Het wordt tijd om door te pakken, want de
lucht in de stad wordt er niet schoner op.
""",
    "sv-news": """Kommunen stänger badhuset efter vattenläcka

Badhuset i centrum håller stängt i flera veckor efter en omfattande vattenläcka, uppger kommunen.
Enligt uppgifter till lokaltidningen är skadorna större än man först trodde. En presstalesperson
meddelade under tisdagen att simklubbarna får låna en bassäng i grannkommunen. Kostnaden för
reparationen är ännu inte känd, uppgav kommunen i ett pressmeddelande på onsdagen.
""",
    "sv-opinion": """Det är dags att satsa på kollektivtrafiken

Jag tycker att politikerna har svikit pendlarna alldeles för länge. Enligt min mening är det
orimligt att bussarna blir färre samtidigt som biljettpriserna höjs. Vi måste våga prioritera
tåg och bussar framför nya motorvägar. Jag är övertygad om att fler skulle lämna bilen hemma om
trafiken var pålitlig. Det är hög tid att regionen tar sitt ansvar och lyssnar på resenärerna.
""",
    "tr-news": """Belediye su kesintisi için uyarıda bulundu

Belediye sözcüsü, şehir merkezindeki ana borudaki arıza nedeniyle yarın sabah saatlerinde su
kesintisi yaşanacağını açıkladı. Yapılan açıklamasında sözcü, ekiplerin gece boyunca çalışacağını
belirtti. Vali de konuyla ilgili olarak vatandaşlardan anlayış beklediklerini ifade etti.
Yetkililer kesintinin öğleden sonra sona ermesinin beklendiğini kaydetti.
""",
    "tr-opinion": """Şehirlerimiz neden yayalara ait olmalı

Bence şehirlerimizi arabalara göre tasarlamak büyük bir hataydı. Bana göre yaya yolları genişlemeli
ve çocuklar sokakta güvenle oynayabilmeli. Açıkçası her yıl yeni bir otopark yapılması beni
şaşırtıyor. Kanımca yerel yöneticiler bu konuda cesur olmalı, çünkü maalesef hava kirliliği her
geçen gün artıyor ve bunun bedelini hepimiz ödüyoruz.
""",
    "vi-news": """Thành phố tạm đóng cửa hồ bơi sau sự cố rò rỉ nước

Ngày 12/3, người phát ngôn của ủy ban thành phố cho biết hồ bơi trung tâm sẽ đóng cửa trong ba
tuần để sửa chữa. Theo thông tin từ ban quản lý, chi phí sửa chữa chưa được công bố. Trả lời
phỏng vấn, một cán bộ phát biểu rằng các câu lạc bộ bơi sẽ được sử dụng hồ bơi ở quận bên cạnh.
(Ảnh: Báo địa phương)
""",
    "vi-opinion": """Vì sao chúng ta nên trả lại vỉa hè cho người đi bộ

Theo tôi, việc để xe máy chiếm hết vỉa hè là một sai lầm kéo dài quá lâu. Tôi cho rằng thành phố
chỉ thật sự văn minh khi trẻ em có thể đi bộ đến trường một cách an toàn. Theo quan điểm của
tôi, chính quyền cần mạnh tay hơn. Đã đến lúc mỗi người dân cũng phải thay đổi thói quen của
mình, vì không ai muốn sống trong một thành phố ngột ngạt.
""",
    "uk-news": """Місто тимчасово закриває басейн після аварії

Міський басейн буде закритий щонайменше три тижні через аварію водогону, повідомила міська рада.
За словами речника ради, вартість ремонту поки що невідома. Заступник мера заявив, що плавальні
секції тимчасово займатимуться в басейні сусіднього району. Як повідомляє місцеве видання,
мешканці скаржилися на стан будівлі ще минулого року.
""",
    "uk-opinion": """Чому місту потрібні велодоріжки

На мою думку, місто надто довго ігнорувало велосипедистів. Я переконаний, що безпечні
велодоріжки зменшать затори і зроблять повітря чистішим. Ми повинні перестати думати лише про
автомобілі. Настав час, щоб міська влада вислухала мешканців, адже кожна нова парковка у
центрі лише погіршує ситуацію для всіх нас.
""",
    "cs-news": """Město uzavírá plavecký bazén kvůli havárii

Městský bazén zůstane nejméně tři týdny zavřený kvůli havárii vodovodu, uvedla mluvčí radnice.
Podle mluvčí zatím není známo, kolik bude oprava stát. Místostarosta sdělil, že plavecké oddíly
budou dočasně trénovat v bazénu v sousední obci. Obyvatelé si podle serveru místních novin na
stav budovy stěžovali už loni.
""",
    "cs-opinion": """Proč potřebujeme méně aut v centru

Podle mého názoru je nejvyšší čas, aby radnice konečně jednala. Jsem přesvědčen, že centrum
města má patřit chodcům a cyklistům, ne parkujícím autům. Myslím si, že obchodníci o zákazníky
nepřijdou. Musíme přestat odkládat rozhodnutí, protože je načase dát přednost zdraví lidí před
pohodlím řidičů.
""",
}


# Texts about software that ask for nothing to be built: a tutorial, a blog post and a news item
# name forms, buttons, fields and databases as a spec does, and must not read as one.
SOFTWARE_NON_SPECS = {
    "nl-tutorial": """# Een contactformulier maken met HTML en PHP

In deze handleiding bouwen we een eenvoudig contactformulier voor je website. Het formulier heeft
drie velden: naam, e-mailadres en bericht. Onder de velden plaatsen we een knop om het formulier
te versturen. Eerst maken we het HTML-bestand aan.

## De verwerking

Het PHP-script moet de velden controleren. Als een veld leeg is, toont het script een foutmelding.
De gegevens worden daarna opgeslagen in een database met een tabel voor berichten. Gebruikers
kunnen na het versturen een bevestiging zien. Open de pagina in je browser, vul de velden in en
klik op de knop. Zo simpel is het!
""",
    "sv-blog": """# Så byggde jag min första app

För några månader sedan bestämde jag mig för att lära mig React Native. Jag ville bygga en enkel
app för att hålla koll på mina löprundor. Appen måste ju fungera utan nätverk, tänkte jag, så jag
valde att spara allt lokalt i en databas på telefonen. Formuläret för en ny runda har fält för
distans, tid och datum, och en knapp för att spara. Knappen visar ett felmeddelande om något fält
är tomt. Det tog längre tid än jag trodde, men nu använder jag appen varje vecka.
""",
    "tr-tutorial": """# Flask ile giriş formu yapmak

Bu yazıda Flask kullanarak basit bir giriş formu hazırlayacağız. Öncelikle bir sanal ortam
oluşturun ve Flask paketini yükleyin. Ardından app.py dosyasını açın. Formda kullanıcı adı ve
şifre için iki alan ve bir Gönder butonu olacak. Kullanıcı yanlış şifre girerse bir hata mesajı
gösterilir. Veriler SQLite veritabanında saklanır. Sunucuyu başlatmak için komut satırında
flask run komutunu çalıştırın ve tarayıcıda sayfayı açın.
""",
    "vi-news": """# Ra mắt ứng dụng đặt lịch khám bệnh trực tuyến

Sở Y tế thành phố vừa giới thiệu ứng dụng cho phép người dân đặt lịch khám tại các bệnh viện
công. Người dùng có thể chọn bác sĩ, ngày và giờ khám ngay trên điện thoại. Giao diện được thiết
kế đơn giản với các nút lớn dành cho người cao tuổi. Theo đại diện Sở Y tế, hệ thống cần thêm
thời gian để kết nối với tất cả bệnh viện. Dữ liệu của bệnh nhân được lưu trong cơ sở dữ liệu
tập trung và được bảo mật theo quy định.
""",
    "uk-blog": """# Як я переписав свій бот на Python

Кілька місяців тому я вирішив переписати свого Telegram-бота з нуля. Старий код був жахливий,
і кожна нова функція ламала дві старі. Бот повинен був відповідати швидше, тому я переніс дані
в базу даних PostgreSQL. Інтерфейс команд лишився тим самим, але тепер є кнопки замість тексту.
Мій досвід показав, що тести варто писати з самого початку.
""",
    "cs-tutorial": """# Jak vytvořit formulář v Djangu

V tomto návodu si ukážeme, jak vytvořit jednoduchý kontaktní formulář. Nejprve vytvoříme nový
projekt a aplikaci. Formulář bude mít tři pole a tlačítko Odeslat. Data se uloží do databáze.
Pokud uživatel nevyplní e-mail, zobrazí se chybová hláška. Nakonec spustíme server z příkazového
řádku a formulář otevřeme v prohlížeči. Systém musí mít nastavenou správnou časovou zónu.
""",
}


@pytest.fixture(scope="module")
def ruleset() -> RuleSet:
    return default_ruleset()


def test_the_shipped_policy_covers_the_six_languages(ruleset: RuleSet) -> None:
    languages = ruleset.policy.languages
    assert languages is not None
    assert set(NEW) <= set(languages.covered)


@pytest.mark.parametrize("name", sorted(SPECS))
def test_a_spec_in_a_newly_read_language_is_a_software_spec(name: str) -> None:
    assert_spec_in_language(SPECS[name], name)


@pytest.mark.parametrize("name", sorted(NOT_SPECS))
def test_news_and_opinion_in_a_newly_read_language_are_not_a_spec(
    ruleset: RuleSet, name: str
) -> None:
    report = assess_text(NOT_SPECS[name], ruleset, markdown=True)
    assert report.language == name.split("-")[0]
    assert report.verdict == "not-a-spec", report.summary
    kind = name.split("-")[1]
    assert report.genre == ("news report" if kind == "news" else "opinion article"), report.summary


@pytest.mark.parametrize("name", sorted(SOFTWARE_NON_SPECS))
def test_texts_about_software_in_those_languages_are_not_specs(ruleset: RuleSet, name: str) -> None:
    report = assess_text(SOFTWARE_NON_SPECS[name], ruleset, markdown=True)
    assert report.language == name.split("-")[0]
    assert report.verdict == "not-a-spec", report.summary


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("An AI chatbot can help; the website can create files.", "system-modal-languages-b"),
        ("Users can log in and the API can be used.", "actor-can-languages-b"),
        ("a database of users and the datamodel", "data-terms-languages-b"),
        ("peanut butter, the formula, a button", "interface-terms-languages-b"),
        ("## Use cases", "feature-heading-languages-b"),
        ("responds under 200 ms", "performance-target-languages-b"),
        ("Acme Associates Ltd (AA) is a firm", "news-dateline-languages-b"),
        ("As a user, I want to export data.", "user-story-languages-b"),
        ("Testfall 1: Suche nach Titel", "expected-result-languages-b"),
    ],
)
def test_the_rules_of_the_six_languages_stay_quiet_on_english_and_german(
    ruleset: RuleSet, text: str, rule: str
) -> None:
    assert re2.search(ruleset.rule(rule).pattern(), text) is None
