#!/usr/bin/env python3
"""Refresh resources/translations/*_zh_CN.ts from the sources, keeping existing translations.

Qt 6.4's lupdate does not understand `namespace alab::ui {`, so it writes contexts like
"MainWindow" where tr() at run time looks up "alab::ui::MainWindow". This script strips the
namespace from the .ts contexts, runs lupdate (which then merges the old translations), and puts
the namespace back on every context that names a Q_OBJECT class under ui/.
Usage: python3 scripts/update_translations.py [lesson_zh_CN.ts analysis_zh_CN.ts debugger_zh_CN.ts]   (then translate the new entries in Qt Linguist)
"""
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
LUPDATE = "/usr/lib/qt6/bin/lupdate"
PREFIX = "alab::ui::"
SOURCES = {
    "lesson_zh_CN.ts": ["core/lesson.cpp", "core/lessons", "ui/lesson", "ui/main_window.cpp", "ui/main_window.h",
                        "ui/language.cpp", "app/gui.cpp", "app/walkthrough_print.cpp"],
    "analysis_zh_CN.ts": ["ui/analysis", "ui/common", "app/cli_export.cpp"],
    "debugger_zh_CN.ts": ["ui/debugger"],
}


def qobject_classes():
    """Q_OBJECT classes under ui/: lupdate names their contexts without the namespace.
    (Q_DECLARE_TR_FUNCTIONS(alab::ui::X) contexts come out qualified already and are left alone.)"""
    names = set()
    for source in list((ROOT / "ui").rglob("*.h")) + list((ROOT / "ui").rglob("*.cpp")):
        text = source.read_text(encoding="utf-8")
        names.update(re.findall(r"class\s+(\w+)\s*(?:final\s*)?:[^{]*\{\s*Q_OBJECT", text))
    return names


def rewrite_contexts(path, fn):
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(<context>\s*<name>)([^<]+)(</name>)", lambda m: m.group(1) + fn(m.group(2)) + m.group(3), text)
    path.write_text(text, encoding="utf-8")


def main():
    classes = qobject_classes()
    wanted = sys.argv[1:] or list(SOURCES)
    for ts_name, sources in SOURCES.items():
        if ts_name not in wanted:
            continue
        ts = ROOT / "resources" / "translations" / ts_name
        if ts.exists():
            rewrite_contexts(ts, lambda n: n[len(PREFIX):] if n.startswith(PREFIX) and n[len(PREFIX):] in classes else n)
        subprocess.run([LUPDATE, "-no-obsolete", *sources, "-ts", str(ts)], cwd=ROOT, check=True)
        rewrite_contexts(ts, lambda n: PREFIX + n if n in classes else n)
        unfinished = ts.read_text(encoding="utf-8").count('type="unfinished"')
        print(f"{ts_name}: {unfinished} entries still to translate")


if __name__ == "__main__":
    main()
