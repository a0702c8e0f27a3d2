// The en-zh corpus's pronouns, determiners, verbs, adjectives, places and times (nouns are in
// en_zh_nouns.cpp). Entries are plain data; task_en_zh.cpp combines them by its templates.
#include "core/train/en_zh_lexicon.h"

namespace alab::core {

const std::vector<LexPronoun>& enZhPronouns() {
    static const std::vector<LexPronoun> pronouns = {
        {"i", "我", 0}, {"you", "你", 1}, {"we", "我们", 1}, {"they", "他们", 1}, {"he", "他", 2}, {"she", "她", 2}};
    return pronouns;
}

const std::vector<LexDeterminer>& enZhDeterminers() {
    static const std::vector<LexDeterminer> determiners = {
        {"the", ""}, {"my", "我的"}, {"your", "你的"}, {"his", "他的"}, {"her", "她的"}, {"our", "我们的"}, {"their", "他们的"}};
    return determiners;
}

const std::vector<LexVerb>& enZhVerbs() {
    static const std::vector<LexVerb> verbs = {
        {"eat", "eats", "ate", "吃", "food"},
        {"cook", "cooks", "cooked", "做", "food"},
        {"buy", "buys", "bought", "买", "food,drink,thing,reading,instrument,clothes"},
        {"sell", "sells", "sold", "卖", "food,drink,thing,animal"},
        {"like", "likes", "liked", "喜欢", "food,drink,animal,music,show,reading,instrument,person,plant"},
        {"want", "wants", "wanted", "想要", "food,drink,thing,clothes,animal"},
        {"need", "needs", "needed", "需要", "thing,tool,drink,food"},
        {"drink", "drinks", "drank", "喝", "drink"},
        {"read", "reads", "read", "读", "reading"},
        {"write", "writes", "wrote", "写", "writing"},
        {"listen|to", "listens|to", "listened|to", "听", "music"},
        {"watch", "watches", "watched", "看", "show,animal"},
        {"see", "sees", "saw", "看见", "animal,thing,person,plant"},
        {"find", "finds", "found", "找到", "thing,animal,tool"},
        {"lose", "loses", "lost", "丢", "thing,tool"},
        {"open", "opens", "opened", "打开", "container,reading"},
        {"close", "closes", "closed", "关上", "container"},
        {"clean", "cleans", "cleaned", "打扫", "room,clean"},
        {"wash", "washes", "washed", "洗", "clean,food"},
        {"wear", "wears", "wore", "穿", "clothes"},
        {"carry", "carries", "carried", "拿", "thing,container"},
        {"bring", "brings", "brought", "带", "thing,food,drink,tool"},
        {"fix", "fixes", "fixed", "修", "machine"},
        {"use", "uses", "used", "用", "tool,machine"},
        {"borrow", "borrows", "borrowed", "借", "reading,tool,thing"},
        {"play", "plays", "played", "弹", "instrument"},
        {"draw", "draws", "drew", "画", "animal,plant,person,room"},
        {"feed", "feeds", "fed", "喂", "animal,person"},
        {"visit", "visits", "visited", "拜访", "person"},
        {"help", "helps", "helped", "帮助", "person"},
        {"meet", "meets", "met", "见", "person"},
        {"thank", "thanks", "thanked", "感谢", "person"},
        {"ask", "asks", "asked", "问", "person"},
        {"teach", "teaches", "taught", "教", "person"},
        {"love", "loves", "loved", "爱", "person,animal,music"},
        {"miss", "misses", "missed", "想念", "person,animal"},
        {"invite", "invites", "invited", "邀请", "person"},
        {"call", "calls", "called", "叫", "person,animal"},
        {"wait|for", "waits|for", "waited|for", "等", "person"},
        {"grow", "grows", "grew", "种", "plant,food"},
        {"paint", "paints", "painted", "画", "room,thing"},
        {"send", "sends", "sent", "寄", "writing,gift"},
        {"order", "orders", "ordered", "点", "food,drink"},
        {"choose", "chooses", "chose", "选", "thing,clothes,food,reading"},
        {"hold", "holds", "held", "抱", "animal,person"},
        {"sing", "sings", "sang", "唱", "music"},
    };
    return verbs;
}

const std::vector<LexAdjective>& enZhAdjectives() {
    static const std::vector<LexAdjective> adjectives = {
        // predicates: the subject "is ___"
        {"happy", "高兴", "person"}, {"sad", "难过", "person"}, {"tired", "累", "person"}, {"busy", "忙", "person"},
        {"hungry", "饿", "person"}, {"thirsty", "渴", "person"}, {"angry", "生气", "person"},
        {"bored", "无聊", "person"}, {"excited", "兴奋", "person"}, {"nervous", "紧张", "person"},
        {"calm", "冷静", "person"}, {"tall", "高", "person"}, {"young", "年轻", "person"},
        {"kind", "善良", "person"}, {"friendly", "友好", "person"}, {"smart", "聪明", "person"},
        {"brave", "勇敢", "person"}, {"lazy", "懒", "person"}, {"shy", "害羞", "person"},
        {"strong", "强壮", "person"}, {"careful", "小心", "person"}, {"honest", "诚实", "person"},
        {"quiet", "安静", "person"}, {"healthy", "健康", "person"}, {"poor", "穷", "person"},
        {"lonely", "孤独", "person"}, {"worried", "担心", "person"}, {"surprised", "惊讶", "person"},
        {"proud", "骄傲", "person"}, {"sleepy", "困", "person"}, {"full", "饱", "person"},
        {"patient", "耐心", "person"}, {"serious", "认真", "person"}, {"cheerful", "开心", "person"},
        // qualities of things: "the ___ apple"
        {"red", "红色", "thing,clothes,food,plant,container"}, {"blue", "蓝色", "thing,clothes,container"},
        {"green", "绿色", "thing,clothes,food,plant"}, {"yellow", "黄色", "thing,clothes,food,plant"},
        {"white", "白色", "thing,clothes,animal,container"}, {"black", "黑色", "thing,clothes,animal,machine"},
        {"big", "大", "thing,animal,room,container,food"}, {"small", "小", "thing,animal,room,container,food"},
        {"new", "新", "thing,clothes,machine,reading,room,tool,container"},
        {"old", "旧", "thing,clothes,machine,reading,room,tool,container"},
        {"cheap", "便宜", "thing,clothes,food,drink,machine"}, {"expensive", "贵", "thing,clothes,food,drink,machine"},
        {"beautiful", "漂亮", "thing,clothes,plant,room"}, {"delicious", "好吃", "food"}, {"fresh", "新鲜", "food,drink"},
        {"sweet", "甜", "food,drink"}, {"hot", "热", "food,drink"}, {"cold", "冷", "food,drink"},
        {"long", "长", "reading,writing,music,show"}, {"short", "短", "reading,writing,music,show"},
        {"heavy", "重", "thing,container"}, {"clean", "干净", "clothes,room,clean"}, {"dirty", "脏", "clothes,room,clean"},
        {"broken", "坏", "machine,tool"}, {"round", "圆", "thing,food"}, {"soft", "软", "food,clothes"},
        {"funny", "好笑", "reading,show,music"}, {"famous", "著名", "reading,show,music,instrument"},
        {"cute", "可爱", "animal"}, {"fat", "胖", "animal"}, {"wild", "野生", "animal"},
    };
    return adjectives;
}

const std::vector<LexPhrase>& enZhPlaces() {
    static const std::vector<LexPhrase> places = {
        {"at|home", "在|家", -1}, {"at|school", "在|学校", -1}, {"in the|park", "在|公园", -1},
        {"in the|library", "在|图书馆", -1}, {"in the|kitchen", "在|厨房", -1}, {"in the|garden", "在|花园", -1},
        {"at the|station", "在|车站", -1}, {"in the|classroom", "在|教室", -1}, {"in the|hospital", "在|医院", -1},
        {"in the|office", "在|办公室", -1}, {"at the|market", "在|市场", -1}, {"in the|shop", "在|商店", -1},
        {"in the|restaurant", "在|饭馆", -1}, {"at the|airport", "在|机场", -1}, {"at the|beach", "在|海边", -1},
        {"in the|hotel", "在|酒店", -1}, {"at the|zoo", "在|动物园", -1}, {"in the|museum", "在|博物馆", -1},
        {"at the|bank", "在|银行", -1}, {"in the|supermarket", "在|超市", -1}, {"on the|farm", "在|农场", -1},
        {"in the|bedroom", "在|卧室", -1}, {"in the|living room", "在|客厅", -1}, {"in the|cafe", "在|咖啡馆", -1},
        {"at the|cinema", "在|电影院", -1}, {"in the|square", "在|广场", -1}, {"at the|company", "在|公司", -1},
        {"in|beijing", "在|北京", -1}, {"in|shanghai", "在|上海", -1}, {"in|china", "在|中国", -1},
        {"at the|university", "在|大学", -1}, {"at the|hospital gate", "在|医院门口", -1},
        {"in the|countryside", "在|农村", -1}, {"at the|gym", "在|健身房", -1}, {"at the|post office", "在|邮局", -1},
    };
    return places;
}

const std::vector<LexPhrase>& enZhTimes() {
    static const std::vector<LexPhrase> times = {
        {"today", "今天", 0}, {"now", "现在", 0}, {"every day", "每天", 0}, {"every morning", "每天早上", 0},
        {"every evening", "每天晚上", 0}, {"every week", "每个星期", 0}, {"on weekends", "周末", 0},
        {"often", "经常", 0}, {"sometimes", "有时候", 0}, {"usually", "通常", 0},
        {"yesterday", "昨天", 1}, {"last night", "昨晚", 1}, {"last week", "上个星期", 1}, {"last month", "上个月", 1},
        {"last year", "去年", 1}, {"yesterday morning", "昨天早上", 1}, {"two days ago", "两天前", 1},
        {"last sunday", "上个星期天", 1}, {"this morning", "今天早上", 1},
        {"tomorrow", "明天", 2}, {"tonight", "今晚", 2}, {"next week", "下个星期", 2}, {"next month", "下个月", 2},
        {"next year", "明年", 2}, {"tomorrow morning", "明天早上", 2}, {"this weekend", "这个周末", 2},
        {"soon", "很快", 2}, {"next sunday", "下个星期天", 2}, {"in three days", "三天后", 2},
    };
    return times;
}

}  // namespace alab::core
