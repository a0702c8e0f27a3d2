// The nouns of the en-zh corpus (people, animals, food, drinks, things, rooms), each once, with the
// kinds that decide which verbs and adjectives may take it. Chinese is one token per character.
#include "core/train/en_zh_lexicon.h"

namespace alab::core {

const std::vector<LexNoun>& enZhNouns() {
    static const std::vector<LexNoun> nouns = {
        // people: subjects, and objects of verbs such as help or visit
        {"teacher", "老师", "person"}, {"student", "学生", "person"}, {"doctor", "医生", "person"},
        {"nurse", "护士", "person"}, {"farmer", "农民", "person"}, {"driver", "司机", "person"},
        {"cook", "厨师", "person"}, {"writer", "作家", "person"}, {"singer", "歌手", "person"},
        {"worker", "工人", "person"}, {"lawyer", "律师", "person"}, {"engineer", "工程师", "person"},
        {"scientist", "科学家", "person"}, {"artist", "艺术家", "person"}, {"boss", "老板", "person"},
        {"child", "孩子", "person"}, {"boy", "男孩", "person"}, {"girl", "女孩", "person"},
        {"man", "男人", "person"}, {"woman", "女人", "person"}, {"baby", "宝宝", "person"},
        {"mother", "妈妈", "person"}, {"father", "爸爸", "person"}, {"brother", "哥哥", "person"},
        {"sister", "姐姐", "person"}, {"grandmother", "奶奶", "person"}, {"grandfather", "爷爷", "person"},
        {"uncle", "叔叔", "person"}, {"aunt", "阿姨", "person"}, {"friend", "朋友", "person"},
        {"neighbor", "邻居", "person"}, {"classmate", "同学", "person"}, {"guest", "客人", "person"},
        {"waiter", "服务员", "person"}, {"king", "国王", "person"}, {"queen", "王后", "person"},
        {"pilot", "飞行员", "person"}, {"policeman", "警察", "person"}, {"soldier", "士兵", "person"},
        {"dancer", "舞蹈家", "person"}, {"player", "运动员", "person"}, {"manager", "经理", "person"},
        {"professor", "教授", "person"}, {"wife", "妻子", "person"}, {"husband", "丈夫", "person"},
        {"son", "儿子", "person"}, {"daughter", "女儿", "person"},
        // animals
        {"cat", "猫", "animal"}, {"dog", "狗", "animal"}, {"bird", "鸟", "animal"}, {"horse", "马", "animal"},
        {"monkey", "猴子", "animal"}, {"panda", "熊猫", "animal"}, {"rabbit", "兔子", "animal"},
        {"tiger", "老虎", "animal"}, {"pig", "猪", "animal"}, {"cow", "牛", "animal"}, {"sheep", "羊", "animal"},
        {"duck", "鸭子", "animal"}, {"elephant", "大象", "animal"}, {"lion", "狮子", "animal"},
        {"bear", "熊", "animal"}, {"wolf", "狼", "animal"}, {"mouse", "老鼠", "animal"}, {"snake", "蛇", "animal"},
        // food
        {"apple", "苹果", "food"}, {"banana", "香蕉", "food"}, {"orange", "橙子", "food"}, {"rice", "米饭", "food"},
        {"noodles", "面条", "food"}, {"bread", "面包", "food"}, {"cake", "蛋糕", "food"}, {"egg", "鸡蛋", "food"},
        {"fish", "鱼", "food"}, {"chicken", "鸡肉", "food"}, {"beef", "牛肉", "food"}, {"pork", "猪肉", "food"},
        {"soup", "汤", "food"}, {"dumplings", "饺子", "food"}, {"vegetables", "蔬菜", "food"},
        {"fruit", "水果", "food"}, {"cheese", "奶酪", "food"}, {"pizza", "披萨", "food"}, {"salad", "沙拉", "food"},
        {"candy", "糖果", "food"}, {"cookie", "饼干", "food"}, {"tomato", "西红柿", "food"},
        {"potato", "土豆", "food"}, {"watermelon", "西瓜", "food"}, {"grapes", "葡萄", "food"},
        {"strawberry", "草莓", "food"}, {"peach", "桃子", "food"}, {"pear", "梨", "food"},
        {"sandwich", "三明治", "food"}, {"tofu", "豆腐", "food"},
        // drinks
        {"tea", "茶", "drink"}, {"coffee", "咖啡", "drink"}, {"milk", "牛奶", "drink"}, {"water", "水", "drink"},
        {"juice", "果汁", "drink"}, {"beer", "啤酒", "drink"}, {"wine", "红酒", "drink"}, {"cola", "可乐", "drink"},
        // things to read, write, hear and watch
        {"book", "书", "reading,thing"}, {"newspaper", "报纸", "reading"}, {"letter", "信", "reading,writing"},
        {"magazine", "杂志", "reading"}, {"story", "故事", "reading,writing,music"}, {"novel", "小说", "reading,writing"},
        {"poem", "诗", "reading,writing"}, {"menu", "菜单", "reading"}, {"map", "地图", "reading,tool"},
        {"message", "消息", "reading,writing"}, {"report", "报告", "reading,writing"}, {"email", "邮件", "reading,writing"},
        {"diary", "日记", "reading,writing"}, {"song", "歌", "music,writing"}, {"music", "音乐", "music"},
        {"radio", "收音机", "music,machine"}, {"news", "新闻", "music,show"}, {"movie", "电影", "show"},
        {"television", "电视", "show,machine"}, {"match", "比赛", "show"}, {"play", "话剧", "show"},
        {"piano", "钢琴", "instrument"}, {"guitar", "吉他", "instrument"},
        // things
        {"car", "汽车", "thing,machine,clean"}, {"bike", "自行车", "thing,machine"}, {"phone", "手机", "thing,machine,tool"},
        {"computer", "电脑", "thing,machine,tool"}, {"bag", "包", "thing,container"}, {"box", "盒子", "thing,container"},
        {"key", "钥匙", "thing,tool"}, {"door", "门", "container,machine"}, {"window", "窗户", "container,clean"},
        {"table", "桌子", "thing,clean"}, {"chair", "椅子", "thing,clean"}, {"bed", "床", "thing"},
        {"cup", "杯子", "thing,clean"}, {"bowl", "碗", "thing,clean"}, {"umbrella", "伞", "thing,tool"},
        {"shirt", "衬衫", "clothes,thing,clean"}, {"shoes", "鞋", "clothes,thing"}, {"coat", "外套", "clothes,thing"},
        {"dress", "裙子", "clothes,thing,clean"}, {"socks", "袜子", "clothes,clean"}, {"clothes", "衣服", "clothes,clean"},
        {"clock", "钟", "thing,machine"}, {"lamp", "灯", "thing,machine"}, {"pen", "笔", "thing,tool"},
        {"pencil", "铅笔", "thing,tool"}, {"ticket", "票", "thing"}, {"camera", "相机", "thing,machine,tool"},
        {"photo", "照片", "thing,reading"}, {"gift", "礼物", "thing"}, {"money", "钱", "thing"},
        {"ball", "球", "thing"}, {"toy", "玩具", "thing"}, {"bottle", "瓶子", "thing,container"},
        {"knife", "刀", "thing,tool"}, {"chopsticks", "筷子", "thing,tool,clean"}, {"flower", "花", "plant,thing"},
        {"tree", "树", "plant"}, {"room", "房间", "room"}, {"kitchen", "厨房", "room"}, {"classroom", "教室", "room"},
        {"house", "房子", "room,thing"}, {"yard", "院子", "room"}, {"office", "办公室", "room"}, {"floor", "地板", "clean"},
    };
    return nouns;
}

}  // namespace alab::core
