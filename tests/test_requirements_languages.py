"""Requirements written in the other languages the rules read are specs; op-eds, news and legal
texts in those languages are not. Every text here was written for these tests."""

from __future__ import annotations

import pytest
import re2

from tests.evidence import assert_spec_in_language
from triage import RuleSet, assess_text, default_ruleset

SPECS = {
    "de": """# Vereinsverwaltung – Anforderungen

## Funktionale Anforderungen

Die Plattform muss alle Mitglieder mit Name, Anschrift und Eintrittsdatum speichern. Nutzer können
ihre eigenen Daten in einem Formular ändern. Der Kassenwart kann Beiträge als bezahlt markieren,
und das System wird jeden Monat eine Erinnerung an säumige Mitglieder senden.

## Akzeptanzkriterien

Erwartetes Ergebnis: nach dem Speichern erscheint das Mitglied in der Tabelle.
""",
    "fr": """# Gestion des prêts de matériel – exigences

La plateforme doit enregistrer chaque prêt avec la date de sortie et la date de retour prévue.
L'utilisateur peut réserver un appareil depuis un formulaire en ligne. Le système enverra un
courriel au responsable lorsqu'un appareil n'est pas rendu. Chaque prêt est une ligne dans la
base de données, avec un champ de saisie du nom de l'emprunteur.

Résultat attendu : la liste des prêts en retard s'affiche sur l'écran d'accueil.
""",
    "pt": """# Requisitos do aplicativo de caronas

O site deve exibir as caronas disponíveis para o dia seguinte. Os usuários podem oferecer uma
vaga informando origem, destino e horário em um formulário. O aplicativo enviará uma notificação
quando alguém reservar a vaga. Os dados ficam em um banco de dados, uma tabela por viagem.

Critérios de aceitação: uma carona lotada não aparece mais na tela de busca.
""",
    "it": """# Requisiti del gestionale per la palestra

La piattaforma deve registrare gli ingressi di ogni iscritto. L'utente può prenotare un corso dal
telefono e il sistema dovrebbe inviare un promemoria il giorno prima. L'amministratore potrà
esportare le presenze del mese. Ogni prenotazione ha un campo per il nome del corso.
""",
    "pl": """# Wymagania dla systemu rezerwacji sal

Serwer musi zapisywać każdą rezerwację z datą, godziną i nazwą sali. Użytkownik będzie mógł
anulować rezerwację do godziny przed spotkaniem. System powinien wysłać przypomnienie e-mailem.
Dane są przechowywane w bazie danych, a formularz rezerwacji ma pole na opis spotkania.
""",
    "id": """# Kebutuhan Fungsional Aplikasi Kasir

Sebagai kasir, saya ingin mencatat setiap transaksi dengan cepat. Aplikasi harus menyimpan daftar
barang beserta harga dan stok. Layanan harus mengirim laporan penjualan harian kepada pemilik.
Pengguna dapat mencari barang berdasarkan nama atau kode. Data disimpan di basis data.
""",
    "ru": """# Требования к сервису записи к врачу

Сервер должен хранить расписание каждого врача на месяц вперёд. Пользователь сможет выбрать
свободное время и записаться. Система будет отправлять напоминание за день до приёма.
Администратор сможет отменить запись. Данные о записях хранятся в базе данных.

Ожидаемый результат: занятое время больше не показывается в списке.
""",
    "ja": """# 在庫管理システム要件定義書

## 機能要件

システムは入庫と出庫の履歴を保存すること。管理者は商品の在庫数を検索できる。
ユーザーとして、在庫が少ない商品を一覧で確認したい。
ログイン画面から入り、在庫一覧はデータベースから読み込む。

期待される結果：在庫がゼロの商品は赤で表示される。
""",
    "ko": """# 도서관 좌석 예약 서비스 요구사항

## 기능 요구사항

시스템은 좌석별 예약 현황을 실시간으로 표시해야 합니다. 사용자는 빈 좌석을 두 시간 단위로
예약할 수 있습니다. 관리자는 고장 난 좌석을 예약 불가로 설정할 수 있습니다.
사용자로서 예약 시간이 끝나기 전에 알림을 받고 싶다.
예약 정보는 데이터베이스에 저장하고 로그인 화면에서 학번으로 로그인합니다.
""",
    "zh": """# 社区活动报名系统需求

## 功能需求

系统需要支持居民在线报名社区活动，并显示每个活动的剩余名额。居民登录后可以取消报名。
管理员可以添加、修改和删除活动，并导出报名名单。活动开始前一天系统应自动发送提醒短信。
作为居民我希望在手机上查看已报名的活动。所有报名记录保存在数据库中，每条记录包含姓名和电话字段。
""",
    "es": """# Requisitos de la aplicación de turnos

Como recepcionista, quiero ver todos los turnos del día en una lista. La plataforma debe guardar
el historial de cada paciente. Los usuarios podrán cancelar un turno desde la pantalla principal,
y el servicio debería enviar un aviso por correo. Cada turno se guarda en una base de datos.
""",
    "zh-design": """# 批量导出功能设计文档

## 一、动机

目前用户只能逐条导出订单，数据量大时非常耗时。

## 二、设计方案

新增批量导出接口 `POST /orders/export`，请求参数为起止日期和文件格式，返回值为任务编号。
后台任务生成文件后，系统需要推送通知，用户可以在下载页面获取文件。

## 三、替代方案

每次请求同步生成文件：实现简单，但大数据量时会超时。
""",
    "es-brief": """# Reto: fechas que faltan

Existe un servicio REST que devuelve una lista de fechas con huecos. Debes crear un programa que
lea esa lista desde la entrada estándar y escriba en la salida estándar las fechas que faltan,
ordenadas. El programa debe responder en menos de un segundo para mil fechas.
""",
}

NOT_SPECS = {
    "es-op-ed": """# La ciudad que no escucha

El ayuntamiento debe dejar de prometer parques que nunca llegan. Los vecinos deben exigir cuentas
y la oposición tiene que explicar por qué calló durante años. ¿Hasta cuándo aceptaremos que el
barrio sea el último de la lista? La ciudad necesita gobernantes que escuchen, no carteles.
""",
    "de-op-ed": """# Warum wir mehr Mut brauchen

Die Regierung muss endlich handeln, statt immer neue Kommissionen einzusetzen. Die Parteien
müssen ehrlich sagen, was der Umbau kostet, und die Bürger sollen mitreden dürfen. Wer jetzt
zögert, verspielt das Vertrauen einer ganzen Generation. Es ist Zeit für eine klare Haltung.
""",
    "fr-news": """# Le port reprend son activité après la grève

Le trafic a repris lundi matin dans le port, après trois jours de grève des dockers, a annoncé
la direction. Selon le syndicat, un accord a été trouvé sur les horaires de nuit. Le ministre
des Transports a salué « un compromis raisonnable ». Les premiers navires ont été déchargés
dans l'après-midi, a précisé un porte-parole.
""",
    "zh-news": """# 城市地铁新线路今日开通

据报道，本市地铁五号线今日正式开通运营。市交通局负责人表示，新线路全长二十公里，共设十五座车站，
将大大缓解城东地区的交通压力。据了解，开通首日客流超过十万人次。有市民表示，以后上班可以节省半小时。
""",
    "zh-op-ed": """# 我们需要什么样的教育

政府必须加大对乡村学校的投入，社会也应该给予教师更多的尊重。教育系统需要改革，
但改革不能只停留在口号上。我们应当问一问：孩子们真正需要的是什么？家长、学校和社会都要承担起责任。
""",
    "ja-news": """# 台風の影響で新幹線が運転見合わせ

台風十号の接近により、東海道新幹線は十日午後から一部区間で運転を見合わせた。JRによると、
再開の見通しは立っていない。気象庁は大雨への警戒を呼びかけている。首相は記者団に対し、
被害状況の把握を急ぐと述べた。
""",
    "pt-legal": """# Termos de uso

Ao utilizar este serviço, o usuário concorda com os presentes termos. A empresa não se
responsabiliza por danos indiretos decorrentes do uso do serviço. O usuário pode solicitar a
exclusão de seus dados a qualquer momento, nos termos da legislação aplicável. Estes termos são
regidos pelas leis do país e qualquer litígio será resolvido no foro da comarca da sede.
""",
    "ru-op-ed": """# Чего боится власть

Правительство должно объяснить, куда уходят деньги налогоплательщиков. Депутаты должны
отчитываться перед избирателями, а не перед спонсорами. Общество устало от обещаний.
Разве мы не заслуживаем честного разговора о будущем страны?
""",
    "de-press": """# Stadtwerke starten neue Fahrrad-App

Die Stadtwerke haben heute ihre neue App für den Fahrradverleih vorgestellt. Nutzer können ab sofort
Räder an allen vierzig Stationen der Stadt ausleihen und per Smartphone bezahlen. Die App
ermöglicht es den
Kunden außerdem, ein Rad bis zu einer Stunde im Voraus zu reservieren. „Wir wollen den Umstieg
so einfach wie
möglich machen“, sagte der Geschäftsführer bei der Vorstellung. Das System wird in den
kommenden Monaten
auf die Nachbarorte ausgeweitet.
""",
    "zh-legal": """# 网络信息服务管理规定

第一条 为了规范网络信息服务，保护用户合法权益，制定本规定。
第二条 网络平台应当建立健全用户信息保护制度，对用户发布的信息进行管理。
第三条 平台需要记录用户的登录日志，保存期限不少于六个月。违反本规定的，由有关部门责令改正，
依法予以处罚。
第四条 本规定自发布之日起施行。
""",
    "ja-tos": """# 利用規約

第1条（適用）本規約は、本サービスの利用に関する条件を定めるものです。
ユーザーは本規約に同意した上で本サービスを利用するものとします。
第2条（禁止事項）ユーザーは、法令に違反する行為をしてはならない。
第3条（免責）当社は、本サービスに関してユーザーに生じた損害について一切の責任を負わない。
ユーザーはいつでも退会できる。
""",
    "es-news": """# Lanzan una aplicación para pedir cita en el centro de salud

La consejería de Sanidad presentó ayer una aplicación que permitirá a los pacientes pedir cita
desde el móvil.
Según explicó el consejero, los usuarios podrán elegir médico y hora, y recibirán un aviso el
día anterior.
La herramienta estará disponible a partir de marzo en todos los centros de la región, informó
el departamento.
""",
    "ko-op": """# 우리 교육이 가야 할 길

정부는 교사의 목소리에 귀를 기울여야 한다. 학교는 시험 점수보다 아이들의 성장을 먼저 생각해야
합니다.
시스템은 바뀌어야 합니다. 우리는 언제까지 같은 실수를 반복할 것인가? 부모들은 밤늦게까지 학원 앞에서
아이를 기다리고, 아이들은 잠이 부족한 채로 다시 교실에 앉는다. 이것이 정말 우리가 원하는 미래인가?
이제는 경쟁이 아니라 배움의 기쁨을 되찾아야 할 때다.
""",
}


@pytest.fixture(scope="module")
def ruleset() -> RuleSet:
    return default_ruleset()


@pytest.mark.parametrize("name", sorted(SPECS))
def test_a_spec_written_in_a_covered_language_is_a_software_spec(name: str) -> None:
    assert_spec_in_language(SPECS[name], name.split("-")[0])


@pytest.mark.parametrize("name", sorted(NOT_SPECS))
def test_op_eds_news_and_legal_texts_in_those_languages_stay_not_a_spec(
    ruleset: RuleSet, name: str
) -> None:
    report = assess_text(NOT_SPECS[name], ruleset, markdown=True)
    assert report.language == name.split("-")[0]
    assert report.verdict == "not-a-spec", report.summary


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("The system should develop a plan.", "system-modal-more-languages"),
        ("open source software development", "system-modal-more-languages"),
        (
            "The server must parse the parameter and the table field.",
            "interface-terms-other-languages",
        ),
        ("The server must parse the parameter and the table field.", "data-terms-other-languages"),
        ("Champs-Élysées and the champs of the league", "data-terms-other-languages"),
        ("## User Stories", "feature-heading-other-languages"),
        ("The service restarts and the API rests.", "interface-terms-other-languages"),
    ],
)
def test_the_other_language_rules_stay_quiet_on_english(
    ruleset: RuleSet, text: str, rule: str
) -> None:
    assert re2.search(ruleset.rule(rule).pattern(), text) is None
