#!/usr/bin/env bash
# Fails on user-visible string literals in ui/ and app/gui/ that bypass tr(): a literal handed
# straight to a text setter, a widget constructor, a menu or a message box would stay English in
# every language. Registered as the CTest test check_tr.
#
# A line that must show a fixed string (a product name, a unit no language changes) says why with
# a comment containing `check-tr: ignore`.
set -euo pipefail
cd "$(dirname "$0")/.."

literal='\s*((u8?)?"|QStringLiteral\s*\(\s*"|QString\s*\(\s*"|QLatin1String\s*\(\s*"|QString::fromUtf8\s*\(\s*")'
setters='setText|setToolTip|setStatusTip|setWhatsThis|setWindowTitle|setPlaceholderText|setTitle|setLabelText|setPrefix|setSuffix|setSpecialValueText|setHeaderLabels?|setTabText|setTabToolTip|setItemText|showMessage|addAction|addMenu|addTab|insertTab|addItem|addItems|insertItem|setWindowIconText|setAccessibleName|setAccessibleDescription|setButtonText'
widgets='QLabel|QPushButton|QToolButton|QCheckBox|QRadioButton|QGroupBox|QAction|QMenu|QDockWidget|QCommandLinkButton'
messages='QMessageBox::(information|warning|critical|question|about)\s*\([^,]*,'
rows='addRow'
patterns=(
    "\b(${setters})\s*\(${literal}"
    "\bnew\s+(${widgets})\s*\(${literal}"
    "\b(${widgets})\s+\w+\s*[({]${literal}"
    "${messages}${literal}"
    "${messages}[^,]*,${literal}"
    "\b${rows}\s*\(${literal}"
)

status=0
for pattern in "${patterns[@]}"; do
    # grep exits 1 when nothing matches; that is the good case.
    if hits=$(grep -rnP --include='*.cpp' --include='*.h' "${pattern}" ui app/gui | grep -v 'check-tr: ignore'); then
        echo "${hits}"
        status=1
    fi
done

if [ ${status} -ne 0 ]; then
    echo "check-tr: the lines above show string literals without tr(); wrap them in tr()," >&2
    echo "or mark a line that must not be translated with a comment 'check-tr: ignore (why)'." >&2
else
    echo "check-tr: no user-visible literals outside tr() in ui/ and app/gui/"
fi
exit ${status}
