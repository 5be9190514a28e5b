"""Build genres in Chinese, Japanese and Korean (round 13): a chip manual that names the bits of
its registers, an issue asking for a feature, a message format laid out as a table of fields
with types and lengths. Without cues in their own language such documents carry no genre and
fall to "other". Counter-examples: tutorials, news and READMEs in the same languages.

Every text below is written for these tests; none comes from a corpus.
"""

from __future__ import annotations

import pytest
import re2

from triage import assess_text, default_ruleset


def _fires(rule_id: str, text: str) -> bool:
    return re2.search(default_ruleset().rule(rule_id).pattern(), text) is not None


def _assess(text: str):
    return assess_text(text, markdown=True)


# --- a section of a microcontroller manual: timer configuration through register bits
TIMER_MANUAL_ZH = """计数模式配置
^^^^^^^^^^^^

定时器支持向上计数和向下计数两种模式。向MODE寄存器的DIR位写1选择向下计数，写0选择向上计数，
该位默认为0。

**预分频**

PSC寄存器PSC位决定计数时钟的分频系数，计数时钟 = 外设时钟 / (PSC + 1)。修改分频系数后，
需要等到下一次更新事件才会生效。

**自动重装载**

ARR寄存器复位值为0xFFFF。计数器达到ARR寄存器的值后产生更新事件，若CTRL寄存器的UIE位为1，
同时产生更新中断，中断标志保存在STAT寄存器的UIF位，软件向该位写1清除。

**单次模式**

将CTRL寄存器的OPM位置1后，计数器在下一次更新事件时自动停止，并清除CTRL寄存器的CEN位。
"""

# --- the same chip family written up as a tutorial about CPU registers in general
REGISTER_TUTORIAL_ZH = """# 写给初学者的汇编入门

寄存器是CPU内部速度最快的存储单元。我们在写汇编时，经常需要把变量先放进寄存器，再进行计算。
这一节我们来看看几个常用的寄存器，以及编译器是怎么做寄存器分配的。

## 第一步：准备环境

首先安装汇编器，然后新建一个文件，跟着下面的例子一起动手写。

## 第二步：第一个程序

把两个数相加，结果放在第一个寄存器里，然后打印出来。你会发现寄存器的数量很少，所以要省着用。
"""

# --- a feature request in Chinese for a module of an emulator
FEATURE_REQUEST_ZH = """# 存档模块功能增强请求

本文说明`save`模块需要补充的能力，以便播放器可以在任意时刻保存和恢复进度。

## 需要增强的功能

1. 为`SaveSlot`接口增加`export()`方法，返回一个可以写入文件的字节数组。
2. 增加`import(bytes)`方法，读取之前导出的数据，并在格式版本不匹配时抛出异常。
3. 存档列表需要按最后修改时间排序。

## 当前行为

目前只能保存到内存，关闭程序后进度全部丢失。

## 期望行为

用户在菜单中选择“保存”后，进度写入磁盘；再次打开时可以从列表中选择并恢复。
"""

# --- the same wish voiced in a product review: no issue, no heading naming a request
REVIEW_ZH = """# 用了一个月的笔记软件，说说感受

总体来说这个软件很好用，界面简洁，同步也很快。缺点是导出功能太少，希望以后能支持导出PDF。
用户在论坛里也提出了功能请求，官方说正在评估。价格方面，年费略贵，但考虑到体验，我还是推荐。
"""

# --- a feature request in Japanese and in Korean
FEATURE_REQUEST_JA = """# 機能要望: 検索結果の保存

## 現在の動作

検索条件は画面を閉じると消えてしまい、毎回入力し直す必要があります。

## 期待する動作

検索条件に名前を付けて保存し、サイドバーから一度のクリックで呼び出せるようにしたいです。
"""

FEATURE_REQUEST_KO = """# 기능 요청: 알림 묶음 보기

## 요청 내용

같은 채널에서 짧은 시간에 여러 알림이 오면 하나로 묶어서 보여 주세요.

## 현재 동작

알림이 하나씩 따로 표시되어 화면이 금방 가득 찹니다.
"""

# --- a Korean project README: its feature sections name no request
README_KO = """# 여행 일정 관리 웹 프로젝트

> 팀 프로젝트, 기간 4주

## 기능 소개

#### 기능 설명

일정을 만들고 친구와 공유할 수 있습니다.

## 설치 방법

저장소를 내려받은 뒤 의존성을 설치하고 개발 서버를 실행합니다.
"""

# --- a message format in Chinese: a frame laid out as a table of fields
FRAME_FORMAT_ZH = """## 上报消息格式

所有多字节整数均为小端序。

| 字段 | 类型 | 长度 | 描述 |
| --- | --- | --- | --- |
| 帧头 | uint8 | 1 | 固定为 0x5A |
| 命令字 | uint8 | 1 | 见命令表 |
| 数据长度 | uint16 | 2 | 负载字节数 |
| 负载 | bytes | N | 命令相关 |
| 校验和 | uint8 | 1 | 前面所有字节之和的低 8 位 |
"""

# --- an API reference of a running service: a parameter table with type and description only
API_REFERENCE_JA = """## 予約一覧の取得

`GET /api/v1/bookings`

### リクエストパラメータ

| パラメータ | 型 | 必須 | 説明 |
| --- | --- | --- | --- |
| from | string | いいえ | 開始日 |
| limit | integer | いいえ | 件数の上限 |

### エラーコード

| コード | 意味 |
| --- | --- |
| 401 | 認証エラー |
"""


def test_a_chip_manual_names_the_bits_of_its_registers() -> None:
    assert _fires("hw-register-bits-cjk", TIMER_MANUAL_ZH)
    assert _fires("hw-register-bits-cjk", "CRレジスタのENビットを1にする")
    assert _fires("hw-register-bits-cjk", "CR 레지스터의 EN 비트를 1로 설정한다")
    assert not _fires("hw-register-bits-cjk", REGISTER_TUTORIAL_ZH)


def test_a_chip_manual_in_chinese_reads_as_a_hardware_spec() -> None:
    result = _assess(TIMER_MANUAL_ZH)
    assert result.genre_id == "hardware-spec"
    assert _assess(REGISTER_TUTORIAL_ZH).genre_id != "hardware-spec"


@pytest.mark.parametrize(
    "heading",
    [
        "## 寄存器描述",
        "### 5.2 引脚定义",
        "## 電気的特性",
        "## ピン配置",
        "## 레지스터 설명",
        "### 핀 배치",
    ],
)
def test_reference_manual_headings(heading: str) -> None:
    assert _fires("hw-manual-sections-cjk", heading)


def test_a_manual_heading_needs_the_heading_shape() -> None:
    assert not _fires("hw-manual-sections-cjk", "## 什么是寄存器")
    assert not _fires("hw-manual-sections-cjk", "芯片的引脚定义在附录里可以找到。")


@pytest.mark.parametrize("text", [FEATURE_REQUEST_ZH, FEATURE_REQUEST_JA, FEATURE_REQUEST_KO])
def test_a_request_for_a_feature_is_named_so(text: str) -> None:
    assert _fires("feature-request-title-cjk", text)
    assert _fires("feature-request-sections-cjk", text)


def test_feature_requests_in_chinese_japanese_korean_read_as_feature_requests() -> None:
    for text in (FEATURE_REQUEST_ZH, FEATURE_REQUEST_JA, FEATURE_REQUEST_KO):
        assert _assess(text).genre_id == "feature-request"


def test_a_review_wishing_for_a_feature_and_a_readme_are_no_requests() -> None:
    for text in (REVIEW_ZH, README_KO):
        assert not _fires("feature-request-title-cjk", text)
        assert not _fires("feature-request-sections-cjk", text)
    assert _assess(REVIEW_ZH).verdict != "buildable"


def test_a_ticket_key_before_a_colon_titles_a_request() -> None:
    assert _fires("feature-request-title-cjk", "# FEAT-7: 다크 모드 추가")
    assert not _fires("feature-request-title-cjk", "# FEATURES: 한눈에 보기")


def test_a_message_format_is_a_protocol_section_with_a_wire_table() -> None:
    assert _fires("protocol-sections-cjk", FRAME_FORMAT_ZH)
    assert _fires("wire-field-table", FRAME_FORMAT_ZH)
    assert _fires("protocol-sections-cjk", "## メッセージ形式")
    assert _fires("protocol-sections-cjk", "### 패킷 구조")


def test_an_api_reference_is_neither_a_message_format_nor_a_wire_table() -> None:
    assert not _fires("protocol-sections-cjk", API_REFERENCE_JA)
    assert not _fires("wire-field-table", API_REFERENCE_JA)
