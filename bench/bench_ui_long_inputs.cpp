// Long inputs, measured with the real session and widgets offscreen (issue 12, section 2). One case a run
// so that each reports its own peak RSS (getrusage):
//   trace   the lean forward pass of a model over S source (and T target) tokens
//   heatmap then one head's heatmap opened as the Attention tab does (recompute + HeatmapPlot)
//   grid    then the all-heads grid: time to the first and the last thumbnail, and the longest the
//           GUI thread's event loop went without running (a 5 ms timer's largest gap) while it filled
// Models: "base" (the paper's: d 512, 8 heads, d_ff 2048, 6+6 layers, random weights) or "demo".
// Run: bench_ui_long_inputs CASE MODEL S [T]   (scripts/bench_long_inputs.sh runs the set)
#include "core/allocator.h"
#include "core/model/memory_estimate.h"
#include "core/presets.h"
#include "ui/analysis/all_heads_view.h"
#include "ui/analysis/head_grid_widget.h"
#include "ui/analysis/heatmap_plot.h"
#include "ui/common/trace_session.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace alab;

namespace {

double peakRssMb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_maxrss) / 1024.0;  // kB on Linux
}

core::LoadedModel makeModel(const std::string& name) {
    core::LoadedModel m;
    core::ModelConfig c;
    if (name == "base") {
        c.d_model = 512, c.heads = 8, c.d_ff = 2048, c.encoder_layers = c.decoder_layers = 6;
        c.src_vocab = c.tgt_vocab = 1000, c.max_len = 1 << 20;
        m.model = std::make_shared<const core::Model>(c, core::initWeights(c, 2017));
    } else {
        core::Preset p = *core::presetByName("demo", 2017);
        m.model = std::make_shared<const core::Model>(p.config, p.weights);
        m.vocab = p.vocab;
    }
    m.name = name;
    return m;
}

std::vector<int> ids(int n, int vocab) {
    std::vector<int> out;
    for (int i = 0; i < n; ++i) out.push_back(4 + (i * 7919) % (vocab - 4));  // no <pad>
    return out;
}

double ms(const QElapsedTimer& t) { return double(t.nsecsElapsed()) / 1e6; }

// CPU time of the calling thread: on a loaded machine, what the work costs without the waiting.
double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) return std::fputs("usage: bench_ui_long_inputs trace|heatmap|grid base|demo S [T]\n", stderr), 2;
    qputenv("QT_QPA_PLATFORM", "offscreen");
    core::reuseFreedMemory();  // as the app does (app/main.cpp)
    QApplication app(argc, argv);
    const std::string what = argv[1];
    const int S = std::atoi(argv[3]), T = argc > 4 ? std::atoi(argv[4]) : 0;
    const core::LoadedModel model = makeModel(argv[2]);
    const core::ModelConfig& c = model.model->config();
    ui::TraceSession session;
    QElapsedTimer timer;
    timer.start();
    if (QString err = session.loadModel(model, ids(S, c.src_vocab), ids(T, c.tgt_vocab), true); !err.isEmpty())
        return std::fprintf(stderr, "%s\n", qPrintable(err)), 1;
    const double forwardMs = ms(timer);
    const auto snap = session.snapshot();
    std::printf("model %s S=%d T=%d capture %s (full would need %s): forward %.0f ms\n", argv[2], S, T,
                snap->leanCapture ? "lean" : "full", core::formatBytes(snap->fullTraceBytes).c_str(), forwardMs);
    if (what == "heatmap") {
        ui::HeatmapPlot plot;
        plot.resize(1280, 900);
        plot.show();
        const QString name = QStringLiteral("encoder.%1.self_attn.weights").arg(c.encoder_layers - 1);
        std::vector<double> total, map, widget;
        const int runs = std::max(3, std::getenv("ALAB_BENCH_RUNS") ? std::atoi(std::getenv("ALAB_BENCH_RUNS")) : 7);
        for (int run = 0; run < runs; ++run) {
            timer.restart();
            const double cpu0 = threadCpuMs();
            ui::HeatmapData data;
            if (QString err = ui::heatmapFor(*snap, name, run % c.heads, &data); !err.isEmpty())
                return std::fprintf(stderr, "%s\n", qPrintable(err)), 1;
            const double computed = ms(timer), computedCpu = threadCpuMs() - cpu0;
            plot.setHeatmap(std::move(data), ui::ColorMapKind::Viridis);  // as the Attention tab does
            plot.repaint();
            total.push_back(ms(timer)), map.push_back(computed), widget.push_back(ms(timer) - computed);
            std::printf("open %s head %d: %.0f ms wall (map %.0f ms, widget %.0f ms); CPU of the GUI thread %.0f ms (map %.0f ms)\n",
                        qPrintable(name), run % c.heads + 1, ms(timer), computed, ms(timer) - computed,
                        threadCpuMs() - cpu0, computedCpu);
        }
        const auto median = [](std::vector<double> v) { std::sort(v.begin(), v.end()); return v[v.size() / 2]; };
        std::printf("median of %d: %.0f ms (map %.0f ms, widget %.0f ms); display grid %ld x %ld blocks of %ld x %ld cells\n",
                    runs, median(total), median(map), median(widget), long(plot.displayGrid().gridRows()),
                    long(plot.displayGrid().gridCols()), long(plot.displayGrid().br), long(plot.displayGrid().bc));
    } else if (what == "grid") {
        timer.restart();
        ui::AllHeadsView view(&session);  // builds its grid at once: the fill starts here
        view.resize(1280, 900);
        QElapsedTimer gap;
        double longest = 0, first = -1;
        QTimer tick;
        QObject::connect(&tick, &QTimer::timeout, [&] {
            longest = std::max(longest, ms(gap));
            gap.restart();
            if (first < 0 && view.grid()->filledCount() > 0) first = ms(timer);
        });
        view.show();
        gap.start();
        tick.start(5);
        while (view.isFilling() || view.grid()->filledCount() < view.grid()->layers() * view.grid()->heads())
            app.processEvents(QEventLoop::AllEvents, 5);
        std::printf("all heads (%d x %d): first thumbnail %.0f ms, all %.0f ms, longest event-loop gap %.0f ms\n",
                    view.grid()->layers(), view.grid()->heads(), first, ms(timer), longest);
    }
    std::printf("peak RSS %.0f MB\n", peakRssMb());
    return 0;
}
