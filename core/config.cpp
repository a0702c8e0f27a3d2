// ModelConfig validation and JSON round trip.
#include "core/config.h"

#include "core/tensor.h"

#include <algorithm>
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

int intKey(const Json& v, const std::string& key) {
    try {
        int64_t i = v.toInt();
        if (i < -1 || i > 1'000'000'000) throw InvalidArgument("out of range");
        return int(i);
    } catch (const InvalidArgument&) {
        throw InvalidArgument("config key \"" + key + "\" must be an integer, got " + v.dump());
    }
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
    if (d_k == 0 && d_model % heads != 0)
        throw InvalidArgument("d_model " + std::to_string(d_model) + " is not divisible by heads " +
                              std::to_string(heads));
    if (encoder_layers + decoder_layers == 0) throw InvalidArgument("the model has no layers (encoder_layers 0, decoder_layers 0)");
    if (!(layer_norm_eps > 0.0f)) throw InvalidArgument("layer_norm_eps must be positive, got " + std::to_string(layer_norm_eps));
    if (pad_id < -1 || pad_id >= std::max(src_vocab, tgt_vocab))
        throw InvalidArgument("pad_id " + std::to_string(pad_id) + " is outside the vocabulary");
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
            if (!value.isNumber()) throw InvalidArgument("config key \"layer_norm_eps\" must be a number, got " + value.dump());
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
