// Starts the Qt application and the main window.
#include "app/commands.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>

namespace alab::app {

int runGui(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("AttentionLab"));
    QApplication::setOrganizationName(QStringLiteral("AttentionLab"));
    QMainWindow window;
    window.setCentralWidget(new QLabel(QStringLiteral("AttentionLab")));
    window.show();
    return app.exec();
}

}  // namespace alab::app
