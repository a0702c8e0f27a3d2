// The debugger's execution order, on the names of the golden reference traces (written by PyTorch in
// make_golden.py, so the names are not ours to shape): every name appears once; attention leaves,
// Add & Norm, FFN, layers and stages come in the order the forward pass computes them (post-norm and
// pre-norm differ); the order does not depend on the order of the input list; the tree's groups cover
// exactly their ops; step over / out / back move as a debugger does.
#include "core/debug/execution_order.h"
#include "../core_test_support.h"

#include <QtTest>

#include <algorithm>
#include <random>

using namespace alab;

namespace {

std::vector<std::string> goldenNames(const std::string& golden) {
    std::vector<std::string> names;
    for (const auto& [name, t] : test::loadGolden(golden).reference) names.push_back(name);
    return names;
}

// Checks that each listed name comes before the next; returns "" or the first pair out of order.
std::string inOrder(const core::ExecutionOrder& o, const std::vector<std::string>& chain) {
    for (size_t i = 0; i + 1 < chain.size(); ++i) {
        const int a = o.indexOf(chain[i]), b = o.indexOf(chain[i + 1]);
        if (a < 0 || b < 0) return "missing " + (a < 0 ? chain[i] : chain[i + 1]);
        if (a >= b) return chain[i] + " (" + std::to_string(a) + ") is not before " + chain[i + 1] + " (" + std::to_string(b) + ")";
    }
    return {};
}

// Every group's [firstOp, endOp) is the union of its children's, which tile it in order.
bool tiles(const core::OpNode& n) {
    if (n.group == core::OpGroup::Tensor) return n.endOp == n.firstOp + 1 && n.children.empty();
    int at = n.firstOp;
    for (const core::OpNode& c : n.children) {
        if (c.firstOp != at || !tiles(c)) return false;
        at = c.endOp;
    }
    return at == n.endOp && !n.children.empty();
}

}  // namespace

class TestExecutionOrder : public QObject {
    Q_OBJECT

private slots:
    void postNormOrder();
    void preNormOrder();
    void independentOfInputOrder();
    void treeGroupsAndLabels();
    void stepping();
};

void TestExecutionOrder::postNormOrder() {
    const std::vector<std::string> names = goldenNames("postnorm_h2");
    QVERIFY(names.size() > 100);
    const core::ExecutionOrder o = core::executionOrder(names);
    QVERIFY(!o.normFirst);
    QCOMPARE(o.ops.size(), names.size());
    std::vector<std::string> sorted = o.ops;
    std::sort(sorted.begin(), sorted.end());
    QVERIFY(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
    const std::vector<std::string> forward = {
        "input.src_embedding", "input.positional_encoding", "encoder.input", "encoder.0.self_attn.q",
        "encoder.0.self_attn.k", "encoder.0.self_attn.v", "encoder.0.self_attn.scores", "encoder.0.self_attn.scaled",
        "encoder.0.self_attn.mask", "encoder.0.self_attn.weights", "encoder.0.self_attn.context",
        "encoder.0.self_attn.concat", "encoder.0.self_attn.output", "encoder.0.residual1", "encoder.0.norm1_mean",
        "encoder.0.norm1", "encoder.0.add_norm1", "encoder.0.ffn.pre_activation", "encoder.0.ffn.hidden",
        "encoder.0.ffn.output", "encoder.0.residual2", "encoder.0.add_norm2", "encoder.0.output", "encoder.1.self_attn.q",
        "encoder.1.output", "encoder.norm_mean", "encoder.output", "input.tgt_embedding", "decoder.input",
        "decoder.0.self_attn.q", "decoder.0.add_norm1", "decoder.0.cross_attn.q", "decoder.0.cross_attn.weights",
        "decoder.0.residual2", "decoder.0.add_norm2", "decoder.0.ffn.hidden", "decoder.0.norm3", "decoder.0.output",
        "decoder.1.self_attn.q", "decoder.1.output", "decoder.norm_rstd", "decoder.output", "output.logits", "output.probs"};
    const std::string err = inOrder(o, forward);
    QVERIFY2(err.empty(), err.c_str());
    QCOMPARE(o.ops.front(), std::string("input.src_embedding"));
    QCOMPARE(o.ops.back(), std::string("output.probs"));
}

// Pre-norm normalises before each sub-layer: norm1 feeds the attention, norm3 the FFN.
void TestExecutionOrder::preNormOrder() {
    const core::ExecutionOrder o = core::executionOrder(goldenNames("prenorm_h4"));
    QVERIFY(o.normFirst);
    const std::string err = inOrder(o, {"encoder.0.norm1_mean", "encoder.0.norm1", "encoder.0.self_attn.q",
                                        "encoder.0.self_attn.output", "encoder.0.add_norm1", "encoder.0.norm2",
                                        "encoder.0.ffn.hidden", "encoder.0.add_norm2", "decoder.1.norm3",
                                        "decoder.1.ffn.pre_activation", "decoder.1.add_norm3", "decoder.1.output"});
    QVERIFY2(err.empty(), err.c_str());
    // The same names read as post-norm put the norm after the attention.
    const core::ExecutionOrder post = core::executionOrder(goldenNames("prenorm_h4"), false);
    QVERIFY(post.indexOf("encoder.0.norm1") > post.indexOf("encoder.0.self_attn.output"));
}

void TestExecutionOrder::independentOfInputOrder() {
    std::vector<std::string> names = goldenNames("learned_pe_h8");
    names.push_back("grad.output.logits");  // unknown to the forward order: kept, last
    const core::ExecutionOrder a = core::executionOrder(names);
    std::mt19937 rng(7);
    for (int round = 0; round < 3; ++round) {
        std::vector<std::string> shuffled = names;
        std::shuffle(shuffled.begin(), shuffled.end(), rng);
        shuffled.push_back(shuffled.front());  // a duplicate is ignored
        QCOMPARE(core::executionOrder(shuffled).ops, a.ops);
    }
    QCOMPARE(a.ops.back(), std::string("grad.output.logits"));
    QCOMPARE(a.root.children.back().group, core::OpGroup::Other);
}

void TestExecutionOrder::treeGroupsAndLabels() {
    const core::ExecutionOrder o = core::executionOrder(goldenNames("postnorm_h2"));
    QVERIFY(tiles(o.root));
    QCOMPARE(o.root.endOp, int(o.ops.size()));
    std::vector<std::string> top;
    for (const core::OpNode& c : o.root.children) top.push_back(c.label);
    const std::vector<std::string> expected = {"Inputs", "Encoder layer 1", "Encoder layer 2", "Encoder output",
                                               "Decoder inputs", "Decoder layer 1", "Decoder layer 2", "Decoder output", "Output"};
    QCOMPARE(top, expected);
    const core::OpNode& dec1 = o.root.children[5];
    QCOMPARE(dec1.group, core::OpGroup::DecoderLayer);
    QCOMPARE(dec1.layer, 0);
    std::vector<std::string> parts;
    for (const core::OpNode& c : dec1.children) parts.push_back(c.label);
    QCOMPARE(parts, (std::vector<std::string>{"Masked self-attention", "Add & Norm 1", "Cross-attention", "Add & Norm 2",
                                              "Feed-forward", "Add & Norm 3", "decoder.0.output"}));
    std::vector<std::string> leaves;
    for (const core::OpNode& c : dec1.children[2].children) leaves.push_back(c.tensor);
    QCOMPARE(leaves.size(), size_t(10));
    QCOMPARE(leaves.front(), std::string("decoder.0.cross_attn.q"));
    QCOMPARE(leaves[6], std::string("decoder.0.cross_attn.weights"));
    const std::vector<const core::OpNode*> path = o.pathTo(o.indexOf("decoder.0.cross_attn.weights"));
    QCOMPARE(path.size(), size_t(3));
    QCOMPARE(path[1]->label, std::string("Cross-attention"));
    QCOMPARE(path[2]->tensor, std::string("decoder.0.cross_attn.weights"));
}

void TestExecutionOrder::stepping() {
    const core::ExecutionOrder o = core::executionOrder(goldenNames("postnorm_h2"));
    const int encoderInput = o.indexOf("encoder.input");
    // The next sibling of encoder.input is the group "Encoder layer 1": step over runs it whole.
    QCOMPARE(core::stepInto(o, encoderInput), o.indexOf("encoder.0.self_attn.q"));
    QCOMPARE(core::stepOver(o, encoderInput), o.indexOf("encoder.1.self_attn.q"));
    // Inside an attention, step out leaves it for the Add & Norm that follows.
    QCOMPARE(core::stepOut(o, o.indexOf("encoder.0.self_attn.scores")), o.indexOf("encoder.0.residual1"));
    QCOMPARE(core::stepOver(o, o.indexOf("encoder.0.self_attn.scores")), o.indexOf("encoder.0.self_attn.scaled"));
    QCOMPARE(core::stepBack(o, o.indexOf("encoder.0.self_attn.q")), encoderInput);
    QCOMPARE(core::stepBack(o, 0), 0);
    QCOMPARE(core::stepInto(o, int(o.ops.size()) - 1), int(o.ops.size()) - 1);
}

QTEST_APPLESS_MAIN(TestExecutionOrder)
#include "tst_execution_order.moc"
