// ModelConfig validation and JSON round trip.
#include "core/config.h"

#include "core/tensor.h"
#include "core/tensor/checked_size.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <utility>

namespace alab::core {
namespace {

void requirePositive(const char* name, int value) {
    if (value <= 0) throw InvalidArgument(std::string(name) + " must be positive, got " + std::to_string(value));
}

void requireNonNegative(const char* name, int value) {
    if (value < 0) throw InvalidArgument(std::string(name) + " must not be negative, got " + std::to_string(value));
}

void requireAtMost(const char* name, int64_t value, int64_t limit) {
    if (value > limit)
        throw InvalidArgument(std::string(name) + " " + std::to_string(value) + " is larger than " + std::to_string(limit));
}

// One weight tensor of rows × cols, named by the config keys that size it.
void requireTensorFits(const char* keys, int64_t rows, int64_t cols) {
    const std::optional<int64_t> n = checkedMul(rows, cols);
    if (!n || *n > ModelConfig::kMaxTensorElements)
        throw InvalidArgument(std::string(keys) + " = " + std::to_string(rows) + " × " + std::to_string(cols) +
                              " weights in one tensor, more than " + std::to_string(ModelConfig::kMaxTensorElements));
}

int intKey(const Json& v, const std::string& key) {
    if (!v.isNumber() || v.toNumber() != std::floor(v.toNumber()))
        throw InvalidArgument("config key \"" + key + "\" must be an integer, got " + v.dump());
    if (v.toNumber() < -1 || v.toNumber() > double(ModelConfig::kMaxLen))
        throw InvalidArgument("config key \"" + key + "\" is out of range, got " + v.dump());
    return int(v.toInt());
}

bool boolKey(const Json& v, const std::string& key) {
    if (!v.isBool()) throw InvalidArgument("config key \"" + key + "\" must be true or false, got " + v.dump());
    return v.toBool();
}

// Every JSON key, with its member or its enum's names: fromJson and toJson both read these tables.
const std::pair<const char*, int ModelConfig::*> kIntKeys[] = {
    {"d_model", &ModelConfig::d_model},   {"heads", &ModelConfig::heads},
    {"d_k", &ModelConfig::d_k},           {"d_ff", &ModelConfig::d_ff},
    {"encoder_layers", &ModelConfig::encoder_layers}, {"decoder_layers", &ModelConfig::decoder_layers},
    {"src_vocab", &ModelConfig::src_vocab}, {"tgt_vocab", &ModelConfig::tgt_vocab},
    {"max_len", &ModelConfig::max_len},   {"pad_id", &ModelConfig::pad_id}};
const std::pair<const char*, bool ModelConfig::*> kBoolKeys[] = {
    {"norm_first", &ModelConfig::norm_first}, {"scale_embedding", &ModelConfig::scale_embedding},
    {"final_norm", &ModelConfig::final_norm}};
const std::pair<const char*, Activation> kActivations[] = {{"relu", Activation::Relu}, {"gelu", Activation::Gelu}};
const std::pair<const char*, PositionalEncoding> kEncodings[] = {
    {"sinusoidal", PositionalEncoding::Sinusoidal}, {"learned", PositionalEncoding::Learned},
    {"none", PositionalEncoding::None}};

// The enum named by a string key, e.g. "activation \"tanh\" is not relu or gelu" otherwise.
template <class E, size_t N>
E enumKey(const Json& v, const std::string& key, const std::pair<const char*, E> (&names)[N]) {
    if (!v.isString()) throw InvalidArgument("config key \"" + key + "\" must be a string, got " + v.dump());
    std::string choices;
    for (size_t i = 0; i < N; ++i) {
        if (v.toString() == names[i].first) return names[i].second;
        choices += std::string(i == 0 ? "" : i + 1 == N ? " or " : ", ") + names[i].first;
    }
    throw InvalidArgument(key + " \"" + v.toString() + "\" is not " + choices);
}

template <class E, size_t N>
const char* enumName(E e, const std::pair<const char*, E> (&names)[N]) {
    for (const auto& [name, value] : names)
        if (value == e) return name;
    return names[0].first;  // unreachable: every enumerator is in its table
}

}  // namespace

void ModelConfig::validate() const {
    requirePositive("d_model", d_model);
    requirePositive("heads", heads);
    requirePositive("d_ff", d_ff);
    requireNonNegative("d_k", d_k);
    requireNonNegative("encoder_layers", encoder_layers);
    requireNonNegative("decoder_layers", decoder_layers);
    requirePositive("src_vocab", src_vocab);
    requirePositive("tgt_vocab", tgt_vocab);
    requirePositive("max_len", max_len);
    validateSizes();
    if (d_k == 0 && d_model % heads != 0)
        throw InvalidArgument("d_model " + std::to_string(d_model) + " is not divisible by heads " +
                              std::to_string(heads));
    if (encoder_layers + decoder_layers == 0) throw InvalidArgument("the model has no layers (encoder_layers 0, decoder_layers 0)");
    if (!std::isfinite(layer_norm_eps) || !(layer_norm_eps > 0.0f) || layer_norm_eps > 1.0f)
        throw InvalidArgument("layer_norm_eps must be a number in (0, 1], got " + std::to_string(layer_norm_eps));
    if (pad_id < -1 || pad_id >= std::max(src_vocab, tgt_vocab))
        throw InvalidArgument("pad_id " + std::to_string(pad_id) + " is outside the vocabulary");
}

// Upper bounds, then every product of sizes that makes a tensor, in 64 bits: a config can never
// make a width or an element count wrap (heads 536870913 × d_k 8 used to become 8).
void ModelConfig::validateSizes() const {
    requireAtMost("d_model", d_model, kMaxWidth);
    requireAtMost("d_k", d_k, kMaxWidth);
    requireAtMost("d_ff", d_ff, kMaxWidth);
    requireAtMost("heads", heads, kMaxHeads);
    requireAtMost("encoder_layers", encoder_layers, kMaxLayers);
    requireAtMost("decoder_layers", decoder_layers, kMaxLayers);
    requireAtMost("src_vocab", src_vocab, kMaxVocab);
    requireAtMost("tgt_vocab", tgt_vocab, kMaxVocab);
    requireAtMost("max_len", max_len, kMaxLen);
    const std::optional<int64_t> proj = checkedMul(heads, headDim());
    if (!proj || *proj > kMaxWidth)
        throw InvalidArgument("heads " + std::to_string(heads) + " × d_k " + std::to_string(headDim()) + " = " +
                              (proj ? std::to_string(*proj) : std::string("overflow")) + " is larger than " +
                              std::to_string(kMaxWidth));
    requireTensorFits("src_vocab × d_model", src_vocab, d_model);
    requireTensorFits("tgt_vocab × d_model", tgt_vocab, d_model);
    requireTensorFits("d_ff × d_model", d_ff, d_model);
    requireTensorFits("3 × heads × d_k × d_model", 3 * *proj, d_model);
    if (positional_encoding == PositionalEncoding::Learned) requireTensorFits("max_len × d_model", max_len, d_model);
}

ModelConfig ModelConfig::fromJson(const Json& json) {
    if (!json.isObject()) throw InvalidArgument("the config must be a JSON object");
    ModelConfig c;
    for (const auto& [key, value] : json.toObject()) {
        auto named = [&key = key](const auto& entry) { return key == entry.first; };
        if (auto it = std::find_if(std::begin(kIntKeys), std::end(kIntKeys), named); it != std::end(kIntKeys))
            c.*it->second = intKey(value, key);
        else if (auto b = std::find_if(std::begin(kBoolKeys), std::end(kBoolKeys), named); b != std::end(kBoolKeys))
            c.*b->second = boolKey(value, key);
        else if (key == "layer_norm_eps") {
            // Checked as a double: 1e300 would become inf as a float, 1e-300 zero.
            if (!value.isNumber() || !(value.toNumber() >= 1e-30 && value.toNumber() <= 1.0))
                throw InvalidArgument("config key \"layer_norm_eps\" must be a number in [1e-30, 1], got " + value.dump());
            c.layer_norm_eps = float(value.toNumber());
        } else if (key == "activation") c.activation = enumKey(value, key, kActivations);
        else if (key == "positional_encoding") c.positional_encoding = enumKey(value, key, kEncodings);
        else throw InvalidArgument("unknown config key \"" + key + "\"");
    }
    c.validate();
    return c;
}

Json ModelConfig::toJson() const {
    Json::Object o;
    for (const auto& [name, member] : kIntKeys)
        if (member != &ModelConfig::d_k || d_k != 0) o[name] = this->*member;  // d_k 0 means "derived": left out
    for (const auto& [name, member] : kBoolKeys) o[name] = this->*member;
    o["layer_norm_eps"] = double(layer_norm_eps);
    o["activation"] = enumName(activation, kActivations);
    o["positional_encoding"] = enumName(positional_encoding, kEncodings);
    return Json(std::move(o));
}

}  // namespace alab::core
