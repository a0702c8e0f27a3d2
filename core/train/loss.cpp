// Label-smoothed, padding-aware cross-entropy and its backward (see loss.h).
#include "core/train/loss.h"

#include <cmath>
#include <string>

namespace alab::core {
namespace {

int countedRows(const std::vector<int>& labels, int pad_id) {
    int n = 0;
    for (int y : labels) n += y != pad_id;
    return n;
}

}  // namespace

void checkLabels(const std::vector<int>& labels, Eigen::Index rows, Eigen::Index vocab, int pad_id, float smoothing) {
    if (Eigen::Index(labels.size()) != rows)
        throw InvalidArgument("there are " + std::to_string(labels.size()) + " labels for " + std::to_string(rows) +
                              " target positions; give one label per position");
    for (size_t i = 0; i < labels.size(); ++i)
        if ((labels[i] < 0 || labels[i] >= vocab) && labels[i] != pad_id)
            throw InvalidArgument("label " + std::to_string(labels[i]) + " at position " + std::to_string(i + 1) +
                                  " is outside the target vocabulary of " + std::to_string(vocab));
    if (countedRows(labels, pad_id) == 0)
        throw InvalidArgument("every label is the padding id " + std::to_string(pad_id) + ", so there is no loss to average");
    if (!(smoothing >= 0.0f && smoothing <= 1.0f))
        throw InvalidArgument("label smoothing " + std::to_string(smoothing) + " is outside [0, 1]");
}

float crossEntropyLoss(const Matrix& logits, const std::vector<int>& labels, int pad_id, float smoothing) {
    checkLabels(labels, logits.rows(), logits.cols(), pad_id, smoothing);
    const double eps = smoothing;
    double total = 0;
    for (Eigen::Index r = 0; r < logits.rows(); ++r) {
        if (labels[size_t(r)] == pad_id) continue;
        const Eigen::VectorXd z = logits.row(r).transpose().cast<double>();
        const double logSumExp = z.maxCoeff() + std::log((z.array() - z.maxCoeff()).exp().sum());
        const double nll = logSumExp - z(labels[size_t(r)]);
        const double smooth = logSumExp - z.mean();  // mean over classes of −log p
        total += (1.0 - eps) * nll + eps * smooth;
    }
    return float(total / countedRows(labels, pad_id));
}

Matrix crossEntropyLossBackward(const Matrix& logits, const std::vector<int>& labels, int pad_id, float smoothing) {
    checkLabels(labels, logits.rows(), logits.cols(), pad_id, smoothing);
    const float inv = 1.0f / float(countedRows(labels, pad_id));
    const float uniform = smoothing / float(logits.cols());
    Matrix d = Matrix::Zero(logits.rows(), logits.cols());
    for (Eigen::Index r = 0; r < logits.rows(); ++r) {
        const int y = labels[size_t(r)];
        if (y == pad_id) continue;
        const float max = logits.row(r).maxCoeff();
        d.row(r) = (logits.row(r).array() - max).exp().matrix();
        d.row(r) /= d.row(r).sum();
        d.row(r).array() -= uniform;
        d(r, y) -= 1.0f - smoothing;
        d.row(r) *= inv;
    }
    return d;
}

}  // namespace alab::core
