"""Genre evidence, second round: the confusions found on the second training half.

Each family has a text of its genre that the rules must place, and a counter-example the same
cue must leave alone. All texts are written for these tests.
"""

from __future__ import annotations

from tests.evidence import fires
from triage import assess_text

# ---------------------------------------------------------------- verse and front matter

POEM_DOUBLE_SPACED = """+++
title = "Harbour at dusk"
date = 2021-11-02
categories = ["Sea"]
+++

The harbour lamps are waking,

one by one along the quay,

and gulls forget their quarrel

with the grey and patient sea,

The nets hang on the railings,

the boats lean on the tide,

and somewhere past the breakwater

the evening goes to hide,
"""

POEM_HARD_BREAKS = """## Winter window

A hand against the window \\
a kiss that cannot land \\
the nurses come and going \\
with gloves on every hand

The children wave from outside \\
the snow upon their hair \\
she sees them through the glass now \\
and knows that they are there
"""

CJK_REQUIREMENTS_WRAPPED = """# 订单管理系统需求

系统需要支持用户登录，登录失败三次后锁定账户
十五分钟。管理员可以查看所有用户的订单记录，
并按日期、金额和状态筛选，筛选结果在两秒内返回
给前端页面。系统必须提供导出功能，导出格式为
CSV 和 Excel，导出的文件包含订单编号、下单时间、
金额、状态和收货地址。接口采用 REST 风格，所有
请求必须携带令牌，令牌有效期为二十四小时。
"""

DOCS_PAGE_FRONT_MATTER = """---
title: Configuration
author: docs-team
tags: [config, setup]
categories: [reference]
---

# Configuration

The configuration file is read at start-up from the working directory. Each key sets one
option of the server; unknown keys are reported and ignored.

| key | default | meaning |
| --- | --- | --- |
| port | 8080 | the port the server listens on |
| workers | 4 | how many worker processes serve requests |
| log_level | info | one of debug, info, warn, error |
"""


def test_double_spaced_verse_reads_as_fiction() -> None:
    assert fires("verse-lines", POEM_DOUBLE_SPACED)
    seed = assess_text(POEM_DOUBLE_SPACED)
    assert seed.genre_id == "fiction", seed.summary


def test_verse_with_markdown_hard_breaks_reads_as_fiction() -> None:
    seed = assess_text(POEM_HARD_BREAKS)
    assert seed.genre_id == "fiction", seed.summary


def test_hard_wrapped_cjk_prose_is_not_verse() -> None:
    assert not fires("verse-lines", CJK_REQUIREMENTS_WRAPPED)
    seed = assess_text(CJK_REQUIREMENTS_WRAPPED)
    assert seed.genre_id != "fiction", seed.summary


def test_front_matter_author_and_tags_do_not_make_a_blog_post() -> None:
    assert not fires("blog-frame", DOCS_PAGE_FRONT_MATTER)
    seed = assess_text(DOCS_PAGE_FRONT_MATTER)
    assert seed.genre_id != "blog-post", seed.summary


# ---------------------------------------------------------------- news digests

DIGEST = """# Lab Digest, issue #41

## Models

A research group released a small speech model that runs on a phone.

- [Read more: Group Blog](https://example.org/a)

Source: [Example Lab](https://example.org/lab)

## Chips

A start-up showed an inference board with a quarter of the power of last year's part.

Source: [Chip Weekly](https://example.org/chips)

## Tools

A new release of a profiler adds flame graphs for GPU kernels.

Read more »
"""

CARD_WITH_LINKS = """# Recipe box app

kind: web app
tier: 2-Intermediate
source: https://example.org/ideas/recipe-box

Build an app where users keep their recipes.

## User Stories

- [ ] User can add a recipe with a name, ingredients and steps
- [ ] User can edit and delete a recipe
- [ ] User can search recipes by ingredient

Read more about local storage in the browser guide before you start.
"""


def test_a_digest_with_source_lines_and_read_more_links_is_news() -> None:
    assert fires("news-digest", DIGEST)
    seed = assess_text(DIGEST)
    assert seed.genre_id == "news-report", seed.summary


def test_read_more_about_and_a_source_key_do_not_make_a_card_news() -> None:
    assert not fires("news-digest", CARD_WITH_LINKS)
    seed = assess_text(CARD_WITH_LINKS)
    assert seed.genre_id != "news-report", seed.summary


# ---------------------------------------------------------------- announcements

ANNOUNCEMENT = """---
title: 3.0.0
---

Today, I'd like to announce Toolbox 3.0.0. The biggest changes since 2.8 are faster installs,
parallel downloads by default and support for a new architecture.

- Parallel downloads are now on by default.
- The old configuration format is deprecated and will be removed next year.
- Installs verify signatures before unpacking.

Please consider opting in to the new resolver now and reporting any problems you find. If you can
afford it, please consider donating to the project: it is run by volunteers.

Thanks to all our contributors!
"""

FEATURE_ASK = """# Export to CSV

Please consider adding an export button to the report page. There is no way to get the table out
of the app today, so we copy it by hand.

The export should write one row per entry with the date, the amount and the category, and the
file should open in a spreadsheet without changes.
"""


def test_an_announcement_asking_for_donations_is_a_press_release() -> None:
    assert not fires("feature-request-formula", ANNOUNCEMENT)
    seed = assess_text(ANNOUNCEMENT)
    assert seed.genre_id == "press-release", seed.summary
    assert seed.verdict == "not-a-spec"


def test_please_consider_adding_still_asks_for_a_feature() -> None:
    assert fires("feature-request-formula", FEATURE_ASK)


# ---------------------------------------------------------------- Chinese genres

ZH_PRESS = """# 宣布 Toolbox 5.0

Toolbox 项目很高兴地宣布 Toolbox 5.0 正式版，这是该项目的第五个主要版本。新版现已提供
下载，支持三种处理器架构，并带来了更快的启动速度。

## 主要变化

新版本改进了包管理器，修复了上一版本中的多个问题，并更新了文档。我们感谢所有贡献者
在过去一年中的工作，也欢迎新用户加入社区。
"""

ZH_NEWS = """# 市政府调整出租车运营规定

市政府在星期二宣布调整出租车运营规定，新规定将于下个月生效。

交通局发言人介绍，新规定主要针对车辆检查和司机培训。记者了解到，部分司机对新规定
持欢迎态度，但也有司机担心成本上升。

当地时间周三上午，多家出租车公司召开会议讨论新规定的影响。
"""

ZH_MINUTES = """# 社区贡献者俱乐部第三次会议纪要

- 会议时间：2023-03-02 19:00
- 会议主席：张三
- 参会人员：李四、王五、赵六

## 会议议程

1. 新成员自我介绍
2. 上次任务进展
3. 下次会议安排

## 会议记录

李四介绍了文档翻译的进展，王五汇报了测试工具的改进。大家同意下次会议继续讨论发布计划。
"""

ZH_DESIGN = """# 数组乘法接口设计文档

## 一、概述

本文设计一个新的数组乘法接口，输入两个张量，输出它们的逐元素乘积。

## 二、实现步骤

1. 检查两个输入张量的形状是否一致
2. 将步骤1得到的结果传给计算内核
3. 返回结果张量，数据类型与输入相同

## 三、测试和验收

接口必须通过形状不一致、数据类型不一致和空张量三类测试。
"""

ZH_REVIEW = """# 《海边的冬天》点评：一部安静的纪录片

这部纪录片跟随一位渔民度过整个冬天，镜头很少移动，几乎没有旁白。

导演把大部分时间留给了海浪、渔网和清晨的港口。节奏很慢，但正是这种慢让观众看到了
渔民生活的细节。配乐克制，只在结尾出现了一段钢琴。

如果你喜欢安静的电影，这部作品值得一看。
"""

ZH_DESIGN_TRADE_OFF = """# 缓存方案设计

采用本地内存缓存，读取延迟低于一毫秒。这种方案的缺点是内存占用大，节点重启后缓存
需要重新预热。系统必须在启动后五分钟内完成预热。
"""

ZH_OPINION = """## 为什么开源软件对每个国家都重要？

上个月，一个开源模型发布后，引起了很大的讨论。有人担心开源会让竞争对手受益，也有人认为
开源是推动行业进步的最好方式。

不得不说，开源软件已经成为现代社会的基础设施。任何国家如果只依靠少数几家公司的封闭产品，
都会在关键时刻受制于人。

归根结底，开源不是某一家公司的选择，而是整个社会的公共财富。
"""

ZH_TUTORIAL = """# Promise 入门

Promise 是异步编程的一种解决方案。请看下面的例子。

```javascript
const p = new Promise((resolve) => resolve(1));
p.then((value) => console.log(value));
```

上面代码中，`p` 是一个 Promise 实例，`then` 方法在状态改变后执行回调函数。

下面的代码展示了如何捕获错误。

```javascript
p.catch((error) => console.error(error));
```
"""


def test_a_chinese_announcement_is_a_press_release() -> None:
    seed = assess_text(ZH_PRESS)
    assert seed.genre_id == "press-release", seed.summary


def test_a_chinese_news_report_is_news() -> None:
    seed = assess_text(ZH_NEWS)
    assert seed.genre_id == "news-report", seed.summary


def test_chinese_minutes_are_meeting_notes() -> None:
    seed = assess_text(ZH_MINUTES)
    assert seed.genre_id == "meeting-notes", seed.summary


def test_a_chinese_review_is_a_product_review() -> None:
    seed = assess_text(ZH_REVIEW)
    assert seed.genre_id == "product-review", seed.summary


def test_a_drawback_in_a_chinese_design_is_no_review_cue() -> None:
    assert not fires("review-judgment", ZH_DESIGN_TRADE_OFF)


def test_a_chinese_essay_is_an_opinion_article() -> None:
    seed = assess_text(ZH_OPINION)
    assert seed.genre_id == "opinion-article", seed.summary


def test_a_chinese_tutorial_is_a_tutorial() -> None:
    seed = assess_text(ZH_TUTORIAL)
    assert seed.genre_id == "tutorial", seed.summary


def test_implementation_steps_do_not_make_a_chinese_design_a_tutorial() -> None:
    assert not fires("tutorial-teaching-languages", ZH_DESIGN)
    seed = assess_text(ZH_DESIGN)
    assert seed.genre_id != "tutorial", seed.summary


# ---------------------------------------------------------------- legal texts

PRIVACY_NOTICE = """# Privacy notice for visitors

This privacy notice explains what information we may collect when you visit a site hosted on our
platform, and how we use it.

## Information we collect

We may collect your IP address, the pages you visit and the comments you leave. We may share this
information with the companies that help us run the service, such as hosting providers.

## Disclosure

We may disclose information when the law requires it or to keep our users safe. You can ask us
to delete what we hold about you at any time.
"""

ZH_FEATURE_PRIVACY_SETTINGS = """# 隐私设置页面需求

用户可以在设置页面中关闭个性化推荐，关闭后系统必须在一分钟内停止推荐。页面需要显示
当前的设置状态，并提供保存按钮。
"""

JA_CODE_OF_CONDUCT = """# コントリビューター行動規範

## 私たちの誓い

私たちは、メンバー、コントリビューター、リーダーとして、年齢、体格、障害、民族、性別に
かかわらず、誰もがハラスメントのない参加体験を得られるようにすることを誓います。

## 適用範囲

この行動規範は、すべてのコミュニティスペースに適用されます。

## 施行

虐待、ハラスメント、その他の容認できない行為は、コミュニティリーダーに報告できます。
"""


def test_a_privacy_notice_is_legal_text() -> None:
    seed = assess_text(PRIVACY_NOTICE)
    assert seed.genre_id == "legal-text", seed.summary


def test_a_privacy_settings_requirement_is_not_legal_text() -> None:
    seed = assess_text(ZH_FEATURE_PRIVACY_SETTINGS)
    assert seed.genre_id != "legal-text", seed.summary


def test_a_japanese_code_of_conduct_is_legal_text() -> None:
    seed = assess_text(JA_CODE_OF_CONDUCT)
    assert seed.genre_id == "legal-text", seed.summary


SWAP_SPEC = """# Atomic swap contract

The contract MUST expose two functions. `claim(bytes32 secret)` pays the locked amount to the
claimer when the hash of the secret matches. `refund(bytes32 hash)` returns the amount to the
sender once the timeout has passed; a refund before the timeout MUST revert.

Il est de votre responsabilité de vérifier le délai avant d'appeler la fonction.
"""

ES_CODE_OF_CONDUCT = """# Código de Conducta para Contribuyentes

## Nuestro compromiso

Nosotros, como miembros, contribuyentes y administradores, nos comprometemos a hacer de la
participación en nuestra comunidad una experiencia libre de acoso para todas las personas.

## Aplicación

Los casos de comportamiento abusivo podrán ser reportados a los líderes de la comunidad.
"""


def test_a_refund_function_and_a_responsibility_are_no_legal_cue() -> None:
    assert not fires("contract-terms", SWAP_SPEC)
    assert not fires("legal-words-languages", SWAP_SPEC)
    seed = assess_text(SWAP_SPEC)
    assert seed.genre_id != "legal-text", seed.summary


def test_a_spanish_code_of_conduct_is_legal_text() -> None:
    assert fires("legal-words-languages", ES_CODE_OF_CONDUCT)
    seed = assess_text(ES_CODE_OF_CONDUCT)
    assert seed.genre_id == "legal-text", seed.summary


def test_subscribing_to_an_api_event_is_no_blog_furniture() -> None:
    assert not fires("blog-frame", "Clients poll or subscribe to the `Locked` event.")
    assert fires("blog-frame", "Subscribe to our newsletter for more posts.")
