import pytest

from plugin_registry_metaclass import Exporter, Plugin, PluginMeta


@pytest.fixture(autouse=True)
def clean_registries():
    """Each test starts with the registries as the module left them, and leaves them so."""
    plugins, exporters = dict(Plugin.plugins), dict(Exporter.registry)
    yield
    Plugin.plugins.clear()
    Plugin.plugins.update(plugins)
    Exporter.registry.clear()
    Exporter.registry.update(exporters)


# --- Part 1: the metaclass -------------------------------------------------------------------

def test_the_root_plugin_class_is_not_registered():
    assert Plugin.plugins == {}, "only subclasses of Plugin are plugins"
    assert type(Plugin) is PluginMeta


def test_a_plugin_is_registered_as_soon_as_its_class_is_defined():
    class Upper(Plugin):
        name = "upper"

        def run(self, text):
            return text.upper()

    assert Plugin.plugins == {"upper": Upper}
    assert Plugin.plugins["upper"]().run("straße") == "STRASSE"


def test_several_plugins_and_plugins_of_plugins_are_registered():
    class Upper(Plugin):
        name = "upper"

    class Reverse(Plugin):
        name = "reverse"

    class LoudReverse(Reverse):
        name = "loud-reverse"

    assert Plugin.plugins == {"upper": Upper, "reverse": Reverse, "loud-reverse": LoudReverse}


def test_a_plugin_without_its_own_name_is_rejected():
    with pytest.raises(TypeError, match="Shout must define a 'name'"):

        class Shout(Plugin):
            def run(self, text):
                return text + "!"


def test_inheriting_a_name_does_not_count_as_defining_one():
    class Upper(Plugin):
        name = "upper"

    with pytest.raises(TypeError, match="Louder must define a 'name'"):

        class Louder(Upper):
            pass

    assert Plugin.plugins == {"upper": Upper}, "the nameless subclass must not replace Upper"


def test_a_taken_name_is_rejected_and_the_first_plugin_stays():
    class Upper(Plugin):
        name = "upper"

    with pytest.raises(ValueError, match="plugin name 'upper' is already taken by Upper"):

        class Shouty(Plugin):
            name = "upper"

    assert Plugin.plugins == {"upper": Upper}


# --- Part 2: __init_subclass__ ---------------------------------------------------------------

def test_a_subclass_is_registered_under_its_fmt_keyword():
    class CsvExporter(Exporter, fmt="csv"):
        def export(self, rows):
            return "\n".join(",".join(str(v) for v in row.values()) for row in rows)

    assert Exporter.registry == {"csv": CsvExporter}
    assert CsvExporter.fmt == "csv"
    assert type(CsvExporter) is type, "__init_subclass__ needs no metaclass"


def test_for_format_returns_a_new_instance_of_the_registered_class():
    class CsvExporter(Exporter, fmt="csv"):
        def export(self, rows):
            return ",".join(rows[0])

    class JsonExporter(Exporter, fmt="json"):
        pass

    exporter = Exporter.for_format("csv")
    assert isinstance(exporter, CsvExporter)
    assert exporter.export([{"name": "Zoë", "city": "Köln"}]) == "name,city"
    assert isinstance(Exporter.for_format("json"), JsonExporter)
    assert Exporter.for_format("csv") is not exporter, "each call builds a fresh exporter"


def test_a_subclass_of_an_exporter_can_register_another_format():
    class CsvExporter(Exporter, fmt="csv"):
        pass

    class TsvExporter(CsvExporter, fmt="tsv"):
        pass

    assert Exporter.registry == {"csv": CsvExporter, "tsv": TsvExporter}
    assert TsvExporter.fmt == "tsv" and CsvExporter.fmt == "csv"


def test_other_class_keywords_are_handed_on_to_the_next_init_subclass():
    class Tagged:
        """Another base class with a class-statement keyword of its own."""

        def __init_subclass__(cls, *, tag="", **kwargs):
            super().__init_subclass__(**kwargs)
            cls.tag = tag

    class CsvExporter(Exporter, Tagged, fmt="csv", tag="spreadsheet"):
        pass

    assert getattr(CsvExporter, "tag", None) == "spreadsheet", (
        "Exporter.__init_subclass__ must pass the keywords it does not use on with "
        "super().__init_subclass__(**kwargs), so the next class in the MRO gets tag='spreadsheet'"
    )
    assert Exporter.registry == {"csv": CsvExporter}


def test_the_base_classes_leave_run_and_export_to_the_subclasses():
    class Quiet(Plugin):
        name = "quiet"

    class Blank(Exporter, fmt="blank"):
        pass

    with pytest.raises(NotImplementedError):
        Quiet().run("text")
    with pytest.raises(NotImplementedError):
        Blank().export([])


def test_a_subclass_without_fmt_is_rejected():
    with pytest.raises(TypeError, match="fmt"):

        class Nameless(Exporter):
            pass


def test_a_taken_format_is_rejected():
    class CsvExporter(Exporter, fmt="csv"):
        pass

    with pytest.raises(ValueError, match="format 'csv' is already taken by CsvExporter"):

        class OtherCsv(Exporter, fmt="csv"):
            pass

    assert Exporter.registry == {"csv": CsvExporter}


def test_an_unknown_format_is_a_lookup_error():
    with pytest.raises(LookupError, match="no exporter for format 'xml'"):
        Exporter.for_format("xml")
