"""The words of the server's pages in Russian, Belarusian and English.

>>> text("ru")["run"]
'Выполнить'
>>> chosen_language("de")
'ru'
"""

from __future__ import annotations

LANGUAGES = ("ru", "be", "en")

WORDS: dict[str, dict[str, str]] = {
    "ru": {
        "title": "edukg: международное сотрудничество в образовании",
        "queries": "Запросы каталога", "query": "Запрос", "run": "Выполнить",
        "editor": "Редактор SPARQL", "editor_hint": "Префиксы edukg уже объявлены.",
        "results": "Результаты", "rows": "Строки", "no_rows": "Нет строк.",
        "next": "Следующая страница", "previous": "Предыдущая страница",
        "download": "Скачать", "network": "Сеть партнёрств", "report": "Отчёт",
        "dataset": "Описание набора данных", "dump": "Выгрузка (N-Quads, gzip)",
        "endpoint": "SPARQL-точка доступа", "parameters": "Параметры",
        "level": "Уровень", "since": "С (год или дата)", "until": "По (год или дата)",
        "country": "Страна", "focus": "В центре (IRI учреждения)", "show": "Показать",
        "no_events": "Без мероприятий", "language": "Язык",
        "labels": "Названия", "types": "Типы", "relations": "Связи", "incoming": "Ссылаются сюда",
        "sources": "Источники и происхождение", "source": "Источник", "file": "Файл",
        "loaded": "Загружен", "loader": "Загрузчик", "triples": "Утверждений",
        "formats": "Для программ", "error": "Ошибка", "home": "Главная",
        "answer": "Ответ", "yes": "да", "no": "нет", "graph_result": "Результат — граф",
        "shown": "Строки {first}–{last}", "optional": "необязательно",
        "entity": "Сущность", "reference": "справочные данные edukg",
    },
    "be": {
        "title": "edukg: міжнароднае супрацоўніцтва ў адукацыі",
        "queries": "Запыты каталога", "query": "Запыт", "run": "Выканаць",
        "editor": "Рэдактар SPARQL", "editor_hint": "Прэфіксы edukg ужо аб'яўлены.",
        "results": "Вынікі", "rows": "Радкі", "no_rows": "Няма радкоў.",
        "next": "Наступная старонка", "previous": "Папярэдняя старонка",
        "download": "Спампаваць", "network": "Сетка партнёрстваў", "report": "Справаздача",
        "dataset": "Апісанне набору даных", "dump": "Выгрузка (N-Quads, gzip)",
        "endpoint": "SPARQL-пункт доступу", "parameters": "Параметры",
        "level": "Узровень", "since": "З (год або дата)", "until": "Па (год або дата)",
        "country": "Краіна", "focus": "У цэнтры (IRI установы)", "show": "Паказаць",
        "no_events": "Без мерапрыемстваў", "language": "Мова",
        "labels": "Назвы", "types": "Тыпы", "relations": "Сувязі", "incoming": "Спасылаюцца сюды",
        "sources": "Крыніцы і паходжанне", "source": "Крыніца", "file": "Файл",
        "loaded": "Загружана", "loader": "Загрузчык", "triples": "Сцверджанняў",
        "formats": "Для праграм", "error": "Памылка", "home": "Галоўная",
        "answer": "Адказ", "yes": "так", "no": "не", "graph_result": "Вынік — граф",
        "shown": "Радкі {first}–{last}", "optional": "неабавязкова",
        "entity": "Сутнасць", "reference": "даведачныя даныя edukg",
    },
    "en": {
        "title": "edukg: international education cooperation",
        "queries": "Catalogue queries", "query": "Query", "run": "Run",
        "editor": "SPARQL editor", "editor_hint": "edukg's prefixes are already declared.",
        "results": "Results", "rows": "Rows", "no_rows": "No rows.",
        "next": "Next page", "previous": "Previous page",
        "download": "Download", "network": "Partnership network", "report": "Report",
        "dataset": "Dataset description", "dump": "Dump (N-Quads, gzip)",
        "endpoint": "SPARQL endpoint", "parameters": "Parameters",
        "level": "Level", "since": "From (year or date)", "until": "To (year or date)",
        "country": "Country", "focus": "Focus (institution IRI)", "show": "Show",
        "no_events": "Without events", "language": "Language",
        "labels": "Labels", "types": "Types", "relations": "Relations", "incoming": "Linked from",
        "sources": "Sources and provenance", "source": "Source", "file": "File",
        "loaded": "Loaded", "loader": "Loader", "triples": "Statements",
        "formats": "For machines", "error": "Error", "home": "Home",
        "answer": "Answer", "yes": "yes", "no": "no", "graph_result": "The result is a graph",
        "shown": "Rows {first}–{last}", "optional": "optional",
        "entity": "Entity", "reference": "edukg reference data",
    },
}


def chosen_language(value: str | None) -> str:
    """``value`` if it is one of :data:`LANGUAGES`, else Russian."""
    return value if value in LANGUAGES else "ru"


def text(lang: str) -> dict[str, str]:
    """The words of the pages in ``lang``."""
    return WORDS[chosen_language(lang)]
