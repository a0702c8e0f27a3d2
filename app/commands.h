// The sub-commands of attention-lab; each returns the process exit code.
#pragma once

#include <string>
#include <vector>

namespace alab::app {

int runTrace(const std::vector<std::string>& args);        // attention-lab trace ...
int runExport(int argc, char** argv);                       // attention-lab export ... (argv[1] == "export")
int runTranslate(const std::vector<std::string>& args);    // attention-lab translate ...
int runBleu(const std::vector<std::string>& args);         // attention-lab bleu ...
int runCompare(const std::vector<std::string>& args);      // attention-lab compare A_DIR B_DIR [--tol X]
int runWhy(const std::vector<std::string>& args);          // attention-lab why ... --token A [--vs B]
int runTrain(const std::vector<std::string>& args);          // attention-lab train ...
int listLessons();                                          // id<TAB>steps<TAB>title per lesson
int printWalkthrough(const std::string& lessonId = "thinking-machines", const std::string& lang = "en");  // the lesson's numbers, in the terminal
int runGui(int argc, char** argv);                          // the window

}  // namespace alab::app
