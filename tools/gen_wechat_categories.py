#!/usr/bin/env python3
"""Generate rules/platform/wechat-categories.toml from the WeChat category table.

Input:  ../shared/reference/wechat-categories.json (533 records, one per 三级 category: 386 非个人主体,
        37 个人主体, 110 境外主体), extracted 2026-11-28 from WeChat's page 小程序开放的服务类目
        (https://developers.weixin.qq.com/miniprogram/product/material/).
Output: rules/platform/wechat-categories.toml, one [[requirement]] per record (format: rules/README.md).

Run from the repository root:   python3 tools/gen_wechat_categories.py
  --json PATH   read another copy of the JSON      --out PATH   write elsewhere
  --check       exit 1 if the output file is not what the generator would write (for CI)

Ids: "wx-" + section (ni = 非个人主体, pe = 个人主体, ov = 境外主体) + "-" + the slug of the 一级 name (table L1)
+ "-" + the slug of the English gloss of the 二级 name (table NAMES) [+ "-" + the 三级 slug]. They depend on the
names only, never on the order of the records or their line in the source; the generator fails if two
categories would get the same id or if a name has no gloss. Changing a gloss changes the id: to reword a gloss and
keep its id, write the entry as ("old-slug", "New gloss").

Difficulty comes from the documents: each document is rated by doc_level() below; a list that must all be provided
takes the hardest item, a "one of" group the easiest alternative, "资质选填" (optional) items are ignored.
Documents that only a government body (机关) can provide are set aside: if every way through needs them, the
category gets an eligibility entry that blocks companies, sole traders and media.

Only the standard library is used.
"""
import argparse
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_JSON = os.path.join(ROOT, "..", "shared", "reference", "wechat-categories.json")
DEFAULT_OUT = os.path.join(ROOT, "rules", "platform", "wechat-categories.toml")

SECTIONS = {
    # 主体 section → (id part, entities per rules/README.md)
    "非个人主体": ("ni", ["individual_business", "company", "government", "media", "other_org"]),
    "个人主体": ("pe", ["individual"]),
    "境外主体": ("ov", ["overseas"]),
}

L1 = {
    # 一级: (id slug, English gloss)
    "物流服务": ("logistics", "Logistics"),
    "教育服务": ("education", "Education"),
    "医疗服务": ("medical", "Medical services"),
    "政务民生": ("gov", "Government and public services"),
    "金融业": ("finance", "Finance"),
    "交通服务": ("transport", "Transport"),
    "房地产服务": ("realestate", "Real estate"),
    "生活服务": ("life", "Everyday services"),
    "IT科技": ("it", "IT and telecom"),
    "餐饮服务": ("food", "Food and dining"),
    "旅游服务": ("travel", "Travel"),
    "时政信息": ("news", "Current-affairs news"),
    "文娱": ("ent", "Culture and entertainment"),
    "工具": ("tools", "Tools"),
    "电商平台": ("marketplace", "E-commerce platform"),
    "商家自营": ("shop", "Merchant's own shop"),
    "商业服务": ("biz", "Business services"),
    "公益": ("charity", "Charity"),
    "社交": ("social", "Social"),
    "体育": ("sports", "Sports"),
    "汽车服务": ("auto", "Motoring"),
    "资讯": ("info", "Information"),
    "深度合成": ("ai", "Deep synthesis (AI)"),
    "内测": ("beta", "Closed beta"),
    "快递业与邮政": ("logistics", "Courier and postal"),
    "教育": ("education", "Education"),
    "出行与交通": ("transport", "Getting around"),
    "房地产": ("realestate", "Real estate"),
    "餐饮": ("food", "Food and dining"),
    "旅游": ("travel", "Travel"),
    "汽车": ("auto", "Motoring"),
    "公共服务": ("public", "Public services"),
    "本地服务": ("local", "Local services"),
    "跨境电商": ("crossborder", "Cross-border e-commerce"),
}

# 二级 (and 三级) names → English gloss. The id slug is made from the gloss, so changing a gloss
# changes the category's id: give ("slug", "new gloss") instead to keep the id.
NAMES = {
    "收件/派件": "Parcel pickup and delivery", "查件": "Parcel tracking", "邮政": "Postal services",
    "装卸搬运": "Loading and moving", "仓储服务": "Warehousing", "仓储管理": "Warehouse management",
    "快递柜": "Parcel lockers", "货物运输": "Freight transport",
    "学历教育（培训机构）": "Degree education (training body)", "学历教育（学校）": "Degree education (school)",
    "非学科类培训机构": "Non-academic training body", "课程销售": "Course sales", "驾校培训": "Driving school",
    "驾校平台": "Driving-school platform", "教育平台": "Education platform",
    "无人机驾驶员培训机构": "Drone pilot training body", "无人机驾驶员培训平台": "Drone pilot training platform",
    "急救培训机构": "First-aid training body", "校园缴费": "Campus payments",
    "职业技能鉴定": "Vocational skill assessment", "教育装备": "Education equipment", "出国留学": "Study abroad",
    "在线视频课程": "Online video courses",
    "公立医疗机构": "Public medical institution", "三级私立医疗机构": "Grade-3 private medical institution",
    "其他私立医疗机构": "Other private medical institution", "就医服务": "Patient services",
    "查报告单": "Test reports", "挂号": "Appointments", "缴费": "Payments", "医疗信息服务": "Medical information",
    "跨境医生服务（港澳）": "Cross-border doctors (HK/Macao)", "其他医学健康服务": "Other health services",
    "药品（非处方药）销售": "OTC drug sales", "上门医疗": "Home medical care", "处方药服务": "Prescription drugs",
    "非处方药销售平台": "OTC drug sales platform", "医疗器械信息展示": "Medical device information",
    "药品信息展示": "Drug information", "医疗器械生产企业": "Medical device manufacturer",
    "医疗器械自营": "Own medical device sales", "医疗器械经营销售平台": "Medical device sales platform",
    "互联网医院": "Internet hospital", "血液、干细胞服务": "Blood and stem-cell services",
    "临床试验": "Clinical trials",
    "交通违法": "Traffic violations", "水电": "Water and power", "城市道路": "City roads",
    "户政": "Household registration", "治安": "Public security", "出入境": "Exit and entry",
    "边防": "Border defence", "国安": "State security", "司法": "Justice", "检察": "Procuratorate",
    "法院": "Courts", "纪检审计": "Discipline inspection and audit", "财政": "Public finance",
    "民政": "Civil affairs", "住建": "Housing and construction", "公积金": "Housing provident fund",
    "党/团/组织": "Party, league and organisations", "教育": "Education", "人力资源": "Human resources",
    "环保": "Environmental protection", "气象": "Meteorology", "市场监督管理": "Market regulation",
    "医疗": "Health", "文化": "Culture", "博物馆": "Museums", "体育": "Sports", "水利": "Water resources",
    "食品监督管理": "Food regulation", "新闻出版及广电": "Press, publishing and broadcasting",
    "税务": "Taxation", "知识产权": "Intellectual property", "公共资源交易中心": "Public resource trading centre",
    "自然资源和规划": "Natural resources and planning", "信访": "Petitions", "城管": "City management",
    "监狱戒毒": "Prisons and drug rehabilitation", "海关": "Customs", "检验检疫": "Inspection and quarantine",
    "交管": "Traffic police", "商务": "Commerce", "航空": "Aviation", "街道居委": "Street and residents' committees",
    "农林畜牧海洋": "Agriculture, forestry, livestock and oceans", "社科档案": "Social sciences and archives",
    "应急": "Emergency management", "科学技术与地质": "Science, technology and geology", "统计": "Statistics",
    "经济发展与改革": "Development and reform", "烟草管理": "Tobacco administration",
    "政务服务大厅": "Government service hall", "网信": "Cyberspace affairs", "健康数据统计": "Health statistics",
    "金融": "Financial regulation", "工信": "Industry and IT", "乡村振兴": "Rural revitalisation",
    "社保": "Social security", "医保": "Medical insurance", "交通运输": "Transport administration",
    "祭扫": "Tomb sweeping", "信用": "Credit", "体育/福利彩票": "Sports and welfare lotteries",
    "银行": "Banking", "信托": "Trusts", "金融资产管理": "Financial asset management", "公募基金": "Public funds",
    "私募基金": "Private funds", "证券/期货": "Securities and futures",
    "证券/期货投资咨询": "Securities and futures advisory", "非金融机构自营小额贷款": "Small loans by non-bank lenders",
    "贷款信息服务": "Loan information", "融资担保": "Financing guarantees", "商业保理": "Commercial factoring",
    "汽车金融/融资租赁": "Car finance and leasing", "保险": "Insurance", "第三方互联网保险": "Third-party online insurance",
    "企业征信": "Business credit reporting", "个人征信": "Personal credit reporting",
    "新三板信息服务平台": "NEEQ information platform", "股票信息服务平台（港股/美股）": "Stock information (HK/US)",
    "股票信息服务平台": "Stock information", "外币兑换": "Currency exchange", "实物黄金买卖": "Physical gold trading",
    "消费金融": "Consumer finance", "信用卡": "Credit cards", "收单商户服务": "Merchant acquiring",
    "区域性交易市场": "Regional trading market", "电子汇票": "Electronic bills",
    "网约车": "Ride-hailing", "快车": "Express", "专车": "Premier", "其他网约车": "Other ride-hailing",
    "顺风车/拼车": "Carpooling", "出租车": "Taxis", "跨境车辆查验": "Cross-border vehicle inspection",
    "跨境客运": "Cross-border passenger transport", "国际客运": "International passenger transport",
    "航空业务": "Aviation business", "港口": "Ports", "充电服务": "EV charging", "航空代理": "Airline agents",
    "航司服务": "Airline services", "机场服务": "Airport services",
    "无人驾驶顺风车/拼车": "Driverless carpooling", "互联网地图服务": "Internet map services",
    "导航地图": "Navigation maps", "水运": "Water transport", "加油站服务": "Petrol stations",
    "骑车": "Cycling", "高速服务": "Expressway services", "火车/高铁/动车": "Rail",
    "公交/地铁": "Bus and metro", "公交公司": "Bus company", "公交查询服务": "Bus information",
    "长途汽车": "Coaches", "停车服务": "Parking", "代驾服务": "Designated drivers", "租车": "Car rental",
    "房屋中介": "Estate agents", "租房": "Rentals", "新房": "New homes", "二手房": "Resale homes",
    "物业管理": "Property management", "房屋装修": "Home renovation", "房地产营销": "Property marketing",
    "丽人服务": "Beauty services", "美甲": "Nails", "美容": "Beauty care", "美睫": "Lashes", "美发": "Hair",
    "纹身": "Tattoos", "祛痘": "Acne care", "纤体瘦身": "Slimming", "舞蹈": "Dance", "瑜伽": "Yoga",
    "其他": "Other",
    "宠物（非医院类）": "Pets (non-medical)", "宠物医院/兽医": "Pet hospitals and vets",
    "宠物医疗服务平台": "Pet medical platform", "其他宠物健康服务": "Other pet health services",
    "兽药": "Veterinary drugs", "兽药平台": "Veterinary drug platform", "求职/招聘": "Jobs and recruitment",
    "求职/招聘（涉外）": "Jobs and recruitment (foreign)", "婚庆服务": "Weddings", "休闲娱乐": "Leisure",
    "电子娱乐服务": "Electronic entertainment", "开锁服务": "Locksmiths",
    "百货/超市/便利店": "Department stores and supermarkets", "洗浴保健": "Baths and spas",
    "洗浴保健平台": "Bath and spa platform", "家政服务": "Housekeeping",
    "营业性演出票务": "Commercial performance tickets", "共享服务": "Sharing services",
    "生活缴费": "Utility payments", "跑腿": "Errands", "寄存": "Left luggage",
    "音视频设备": "Audio-visual equipment", "基础电信运营商": "Basic telecom operator",
    "电信业务代理商（中国联通）": "Telecom agent (China Unicom)", "电信业务代理商（中国电信）": "Telecom agent (China Telecom)",
    "电信业务代理商（中国移动）": "Telecom agent (China Mobile)", "电信业务代理商（中国广电）": "Telecom agent (China Broadnet)",
    "转售移动通信（中国移动）": "Mobile resale (China Mobile)", "转售移动通信（中国联通）": "Mobile resale (China Unicom)",
    "转售移动通信（中国电信）": "Mobile resale (China Telecom)", "转售移动通信（中国广电）": "Mobile resale (China Broadnet)",
    "出境流量卡/出境电话卡": "Travel SIM and data cards", "多方通信": "Multi-party communication",
    "餐饮服务场所/餐饮服务管理企业": ("dining", "Restaurants and catering firms"), "咖啡厅": "Cafés", "西餐": "Western food",
    "粤式": "Cantonese", "面包甜点饮品": "Bakery, desserts and drinks", "川湘菜": "Sichuan and Hunan",
    "日韩料理": "Japanese and Korean", "东南亚菜": "Southeast Asian", "自助餐": "Buffet",
    "小吃快餐": "Snacks and fast food", "海鲜": "Seafood", "火锅": "Hotpot",
    "点餐平台": "Ordering platform", "外卖平台": "Takeaway platform", "餐厅排队": "Restaurant queueing",
    "景区服务": "Scenic spots", "旅行社": "Travel agencies", "旅游管理单位": "Tourism authorities",
    "旅游退税": "Tourist tax refunds", "OTA": "Online travel agency", "住宿服务": "Accommodation",
    "签证办理": "Visa services", "出境WiFi": "Travel Wi-Fi",
    "时政信息": "Current-affairs news",
    "网络小说": "Online fiction", "出版物": "Publications", "学术期刊": "Academic journals",
    "其他视频": "Other video", "视频广场": "Video hub", "电台": "Radio", "微短剧": "Micro-dramas",
    "互动微短剧": "Interactive micro-dramas", "音乐": "Music", "有声读物": "Audiobooks", "动漫": "Animation and comics",
    "宗教信息": "Religious information", "资讯广场": "News hub",
    "记账": "Bookkeeping", "投票": "Voting", "日历": "Calendar", "天气": "Weather", "备忘录": "Notes and memos",
    "办公": "Office", "图片处理": "Image editing", "计算器": "Calculator", "报价/比价": "Quotes and price comparison",
    "信息查询": "Information look-up", "兑换": "Redemption", "预约/报名": "Bookings and sign-ups",
    "健康管理": "Health management", "开票服务/企业代票工具": "Invoicing tools", "云手机": "Cloud phone",
    "发票查询": "Invoice look-up", "视频客服": "Video customer service", "设备管理": "Device management",
    "电商平台": "E-commerce platform", "网上竞价平台（非文物）": "Online bidding (non-relics)",
    "网上竞价平台（文物）": "Online bidding (cultural relics)",
    "食品饮料": "Food and drink", "特殊医学用途配方食品": "Food for special medical purposes",
    "百货商场/购物中心": "Department stores and malls", "免税商店": "Duty-free shops", "母婴食品": "Baby food",
    "生鲜/初级食用农产品": "Fresh produce", "酒类": "Alcohol", "保健品": "Health food",
    "成人用品（医疗器械类）": "Adult products (medical devices)", "成人情趣用品": "Adult novelty products",
    "图书报刊/音像/影视/游戏/动漫": "Books, periodicals, audio-visual, games, comics", "成品油": "Refined oil products",
    "纪念币": "Commemorative coins", "CORS服务销售": "CORS positioning services",
    "电话卡销售（中国联通）": "SIM card sales (China Unicom)", "电话卡销售（中国电信）": "SIM card sales (China Telecom)",
    "电话卡销售（中国移动）": "SIM card sales (China Mobile)", "电话卡销售（中国广电）": "SIM card sales (China Broadnet)",
    "预付卡": "Prepaid cards", "发行方": "Issuer", "预付卡代售": "Resale agent",
    "B2b(商品批发/门店管理)": "B2B wholesale and store management", "玩具": "Toys", "鞋靴": "Shoes",
    "箱包皮具": "Bags and leather goods", "乐器": "Musical instruments", "家用电器": "Home appliances",
    "工艺品": "Crafts", "宠物食品/用品": "Pet food and supplies", "个护家清": "Personal and home care",
    "时尚首饰": "Fashion jewellery", "眼镜": "Eyewear", "钟表": "Watches and clocks", "邮票": "Stamps",
    "服饰内衣": "Clothing and underwear", "海淘": "Overseas shopping", "母婴用品": "Baby products",
    "3C数码": "Electronics", "美妆": "Cosmetics", "珠宝玉石": "Jewellery and jade",
    "商用设备机械销售": "Commercial equipment sales", "商用设备机械租赁": "Commercial equipment rental",
    "运动户外": "Sports and outdoors", "园艺/鲜花": "Gardening and flowers", "家居家纺": "Home and textiles",
    "办公/文具": "Office supplies and stationery", "农资": "Farm supplies", "农药销售": "Pesticide sales",
    "种子": "Seeds", "家装/五金/建材": "Home improvement and building materials",
    "机械电子产品": "Machinery and electronic products",
    "律所服务": "Law firms", "法律服务平台": "Legal services platform", "公证": "Notaries",
    "电子认证": "Electronic certification", "认证服务": "Certification services",
    "拍卖公司（非文物）": "Auction house (non-relics)", "文物拍卖公司": "Cultural relics auction house",
    "司法拍卖": "Judicial auctions", "专利/商标代理": "Patent and trademark agents",
    "亲子/司法鉴定": "Paternity and forensic testing", "典当": "Pawnbroking", "会计师事务所": "Accounting firms",
    "税务师事务所": "Tax advisers", "贵金属回收": "Precious metal recycling",
    "环保回收/废品回收": "Recycling and scrap", "公共印章刻制": "Official seal engraving",
    "农林牧渔": "Agriculture, forestry and fisheries", "公司转让信息服务": "Company transfer information",
    "住所托管服务": "Registered address services", "债务重组咨询": "Debt restructuring advice",
    "资产评估服务": "Asset valuation", "一般财务服务": "General financial services",
    "广告/设计": "Advertising and design", "公关/推广/市场调查": "PR, promotion and market research",
    "网络代理": "Online agency", "企业管理": "Business management", "会展服务": "Exhibitions and events",
    "出国移民": "Emigration", "摄影/扩印": "Photography and printing",
    "软件/建站/技术开发": "Software and web development", "质量检测": "Quality testing",
    "殡葬机构": "Funeral services", "宠物殡葬": "Pet funerals", "机械维修": "Machinery repair",
    "工商代理注册": "Company registration agents",
    "募捐服务": "Fundraising", "个人求助网络服务平台": "Personal help-seeking platform",
    "慈善信息服务": "Charity information", "遗体器官捐赠": "Body and organ donation", "网络互助": "Online mutual aid",
    "陌生人交友": "Meeting strangers", "熟人交友": "Friends network", "社区/论坛": "Community and forums",
    "直播": "Live streaming", "直播表演": "Live performance", "笔记": "Notes", "婚恋": "Dating and marriage",
    "问答": "Q&A", "直播答题": "Live quiz",
    "体育场馆服务": "Sports venues", "体育培训": "Sports training", "在线健身": "Online fitness",
    "体育赛事/电子竞技赛": "Sports and e-sports events",
    "维修保养": "Repair and maintenance", "汽车用品": "Car accessories", "汽车报价/比价": "Car prices",
    "汽车经销商/4S店": "Car dealers", "汽车厂商": "Car makers", "机动车回收服务": "Vehicle recycling",
    "汽车预售": "Car pre-sales", "二手车": "Used cars",
    "信息资讯": "Industry information",
    "AI问答": "AI Q&A", "AI换脸": "AI face swap", "AI绘画": "AI images", "AI创作": "AI writing and creation",
    "数字藏品（展示）": "Digital collectibles (display)",
    "生物医学新技术临床研究": "New biomedical technology clinical research",
    "特许药品销售": "Licensed special drug sales", "特许医疗器械销售": "Licensed special device sales",
    "教育信息展示": "Education information", "律师": "Lawyers",
    "快递、物流": "Courier and logistics", "寄件/收件": "Sending and receiving parcels",
    "在线教育": "Online education", "大学": "Universities", "在线缴费平台": "Online fee payment platform",
    "代驾": "Designated drivers", "共享单车": "Shared bikes", "航司服务/机场服务": "Airline and airport services",
    "其他航空服务": "Other aviation services", "房地产": "Real estate", "家政": "Housekeeping",
    "票务": "Tickets", "外送": "Delivery", "丽人服务平台": "Beauty services platform",
    "外卖点餐": "Takeaway and ordering", "旅游攻略": "Travel guides", "酒店服务": "Hotels", "签证": "Visas",
    "旅游局": "Tourism boards", "演出票务": "Show tickets", "字典": "Dictionaries", "图片": "Images",
    "计算类": "Calculators", "效率": "Productivity", "充电宝": "Power-bank rental",
    "公关/推广": "PR and promotion", "税费代缴": "Tax payment services",
    "公证（非中国大陆地区）": "Notaries (outside mainland China)", "公证（中国大陆地区）": "Notaries (mainland China)",
    "体育赛事票务": "Sports event tickets", "养车/修车": "Car care and repair", "车展服务": "Motor shows",
    "医务卫生": "Health services", "治安/出入境": "Public security and immigration",
    "服装/鞋/箱包": "Clothing, shoes and bags", "家电/数码/手机": "Appliances, electronics and phones",
    "美妆/洗护": "Cosmetics and toiletries", "珠宝/饰品/眼镜/钟表": "Jewellery, accessories, eyewear and watches",
    "运动/户外/乐器": "Sports, outdoors and instruments", "鲜花/园艺/工艺品": "Flowers, gardening and crafts",
    "家居/家饰/家纺": "Home, decor and textiles", "机械/电子器件": "Machinery and electronic parts",
    "酒": "Alcohol", "食品": "Food", "母婴": "Mother and baby", "奶粉": "Infant formula", "药品": "Drugs",
    "医疗资讯": "Medical information", "证券": "Securities", "成人用品": "Adult products",
}

# ---------------------------------------------------------------------------------------------- myths
# Where the 2024 blog post (and common advice) is wrong about a category: id → (zh, en, sources).
MYTHS = {
    "wx-ni-ent-other-video": (
        "网上常见说法：「视频播放要办《广播电视节目制作经营许可证》」：法律上不对，网上传播视听节目要的是《信息网络传播视听节目许可证》（或备案），制作经营许可证管的是节目制作；但微信这个类目确实把制作经营许可证列为 6 选 1 之一。用文娱-视频类目的官方插件播放，就不需要这个类目。",
        "A common claim online says video playback needs the radio and TV programme production licence. Wrong in law: disseminating audio-visual programmes online needs the online audio-visual licence (or a filing); the production licence covers making programmes. WeChat does accept the production licence as one of six options for this category, and playing through an official plugin of the video category avoids the category altogether.",
        ["plat-post-2024", "w-cat", "plat-w-video-plugin"]),
    "wx-ni-medical-other-private-medical-institution": (
        "网上常见说法：医疗美容要办 ICP 许可证：不对。医美要的是《医疗机构执业许可证》，微信私立医疗机构类目的官方示例就是医美小程序，只要这张执业许可证。",
        "A common claim online says medical beauty needs an ICP licence. Wrong: it needs the medical institution practising licence, and WeChat's own example for the private medical institution category is a medical-beauty mini-program needing only that licence.",
        ["plat-post-2024", "plat-w-medical-post", "w-cat"]),
    "wx-ni-ent-animation-and-comics": (
        "网上常见说法把动漫归到游戏类：不对。动漫属于网络文化经营许可证的「网络动漫」范围，这个类目要的就是含动漫产品的网络文化经营许可证；游戏 2019 年起已不在网络文化经营许可证范围内。",
        "A common claim online files animation under games. Wrong: animation is the online-animation scope of the online culture licence, which is exactly what this category asks for; games left that licence's scope in 2019.",
        ["plat-post-2024", "w-cat"]),
    "wx-ni-shop-food-and-drink": (
        "网上常见说法：自营销售要办 ICP 许可证：微信的商家自营类目要的是行业资质（食品类是食品经营许可证或预包装食品销售备案），不要求增值电信业务经营许可证。",
        "A common claim online says self-operated selling needs an ICP licence. WeChat's merchant-shop categories ask for sector documents (for food, a food business licence or a prepackaged-food filing), not a value-added telecom licence.",
        ["plat-post-2024", "w-cat", "plat-w-ministore"]),
}

# ---------------------------------------------------------------------------------------------- licences
# Which law-layer requirement a document in the table stands for: exact document title → the requirement
# ids it can be (several: any one of them). Titles not listed (partners' licences, business licences,
# agreements, pledges …) are not licences of the applicant and bring nothing in. Each category whose
# documents then demand a licence gets a rule `<category id>-licences` (see licence_rule()): a title
# in `all` is required; an either/or group is required as a group only when every alternative is a
# licence listed here (or a document only some entity types can give, which limits the rule to the
# other entity types); a group with any other way through brings nothing in.
DOC_REQUIREMENTS = {
    "《增值电信业务经营许可证》（核准服务项目包含“在线数据处理与交易处理业务”）": ["vats-b21"],
    "《增值电信业务经营许可证》（核准服务项目需含在线数据处理与交易处理业务 ）": ["vats-b21"],
    "《增值电信业务经营许可证》（核准服务项目包含“互联网信息服务业务”）": ["vats-b25"],
    "《增值电信业务经营许可证》 （核准服务项目包含“互联网信息服务业务”）": ["vats-b25"],
    "《增值电信业务经营许可证》（核准服务项目包含“在线数据处理与交易处理业务“或“互联网信息服务业务”）": ["vats-b21", "vats-b25"],
    "《增值电信业务经营许可证》（核准服务项目包含在线数据处理与交易处理业务 或 互联网信息服务）": ["vats-b21", "vats-b25"],
    "《增值电信业务经营许可证》（核准服务项目包含在线数据处理与交易处理业务 或互联网信息服务）": ["vats-b21", "vats-b25"],
    # the table names no service type: any of the two a mini-program business would hold
    "《增值电信业务经营许可证》": ["vats-b21", "vats-b25"],
    "《增值电信经营许可证》": ["vats-b21", "vats-b25"],
    "《增值电信业务经营许可证》（业务范围须含“国内多方通信服务业务”）": ["vats-b22"],
    "《信息网络传播视听节目许可证》": ["av-licence"],
    "《信息网络传播视听节目备案》": ["av-registration"],
    "《全国网络视听平台信息登记管理系统》备案": ["av-registration"],
    "《广播电视节目制作经营许可证》": ["av-production-licence"],
    "《广播电视节目制作经营许可证》（pdf扫描件+加盖公章）": ["av-production-licence"],
    "《网络文化经营许可证》": ["culture-licence"],
    "《网络文化经营许可证》(经营范围含网络表演）（适用于含表演性质的直播）": ["culture-licence"],
    "《网络文化经营许可证》（经营范围含“网络表演”或“网络演出剧(节)目”或“动漫产品”或“网络音乐娱乐产品”或“艺术品”或“展览、比赛活动”）": ["culture-licence"],
    "《网络文化经营许可证》（经营范围须含有动漫产品）": ["culture-licence"],
    "《网络文化经营许可证》（经营范围须含有音乐娱乐产品）": ["culture-licence"],
    "《网络出版服务许可证》": ["online-publishing-licence"],
    "《互联网出版许可证》": ["online-publishing-licence"],  # the licence's name before 2016
    "《互联网新闻信息服务许可证》": ["news-licence"],
    "《互联网宗教信息服务许可证》（服务形式须含“微信小程序 或 应用程序 或 互联网小程序”等相关信息）": ["religion-licence"],
    "小程序主体的《互联网信息服务算法备案》（算法类型为“生成合成类”）（注：点击可查看资质示例）": ["algorithm-filing"],
    "《人力资源服务许可证》": ["hr-service-licence"],
    "《人力资源服务许可证》（含“网络招聘”服务范围）": ["hr-service-licence"],
    "《旅行社业务经营许可证》": ["travel-agency-licence"],
    "《网络预约出租汽车经营许可证》": ["ride-hailing-licence"],
    "《出版物经营许可证》": ["publication-distribution-licence"],
    "县（区）级出版行政主管部门合法的《出版物经营许可证》": ["publication-distribution-licence"],
    "省级出版行政主管部门合法的《出版物经营许可证》": ["publication-distribution-licence"],
    "《营业性演出许可证》": ["performance-ticketing-licence"],
    "《动物诊疗许可证》": ["animal-clinic-licence"],
    "《医疗机构执业许可证》": ["medical-institution-licence"],
    "《医疗机构执业许可证》（范围均须含“互联网诊疗”或名称含“互联网医院”等相关内容）": ["medical-institution-licence"],
}

# A document only some entity types can give: marker in its text (or its bundle's label) → the entity type.
ENTITY_ONLY = [("机构类型为：机关", "government"), ("政府", "government"), ("事业单位", "other_org"),
               ("电视台", "media"), ("广播", "media")]

# Where the law gives the operator a filing (or nothing) but the category asks for a licence: id → (zh, en),
# added to the category's summary.
LAW_VS_CATEGORY = {
    "wx-ni-medical-own-medical-device-sales": (
        "注意：法律上只卖第二类医疗器械，办《第二类医疗器械经营备案凭证》就可以（部分产品还免于备案），但这个类目要《医疗器械经营许可证》或《医疗器械生产许可证》：只卖第二类的商家，是平台要许可证，不是法律。",
        "Note: in law, selling only class II medical devices needs just the class II business filing (some products are even exempt), but this category asks for the medical device business licence or the production licence: for a seller of class II devices only, the licence is the platform's demand, not the law's."),
    "wx-ni-social-meeting-strangers": (
        "注意：只通过小程序经营、没有自己网站或 App 的，多个省通信管理局公告说法律上不需要增值电信业务经营许可证，但这个类目要求它。",
        "Note: several provincial communications administrations say a business run only through mini-programs, with no website or app of its own, needs no value-added telecom licence in law, but this category asks for one."),
    "wx-ni-social-dating-and-marriage": (
        "注意：只通过小程序经营、没有自己网站或 App 的，多个省通信管理局公告说法律上不需要增值电信业务经营许可证，但这个类目要求它。",
        "Note: several provincial communications administrations say a business run only through mini-programs, with no website or app of its own, needs no value-added telecom licence in law, but this category asks for one."),
    "wx-ni-marketplace-e-commerce-platform": (
        "注意：只通过小程序经营、没有自己网站或 App 的，多个省通信管理局公告说法律上不需要增值电信业务经营许可证，但这个类目要求 EDI 许可证。",
        "Note: several provincial communications administrations say a business run only through mini-programs, with no website or app of its own, needs no value-added telecom licence in law, but this category asks for the EDI licence."),
    "wx-ni-education-course-sales": (
        "注意：卖自己的课程在法律上通常不需要增值电信业务经营许可证，但这个类目要求 EDI 许可证。",
        "Note: selling your own courses usually needs no value-added telecom licence in law, but this category asks for the EDI licence."),
}

# Sources of the notes above (besides the category table).
LAW_VS_CATEGORY_SOURCES = {
    "wx-ni-medical-own-medical-device-sales": ["lic-devices"],
    "wx-ni-social-meeting-strangers": ["lic-provincial-2023"],
    "wx-ni-social-dating-and-marriage": ["lic-provincial-2023"],
    "wx-ni-marketplace-e-commerce-platform": ["lic-provincial-2023"],
    "wx-ni-education-course-sales": ["lic-provincial-2023"],
}

# ---------------------------------------------------------------------------------------------- difficulty
LEVELS = ["none", "easy", "moderate", "hard", "out_of_reach"]
GOV = 99  # a document only a government body (机关) can provide

# First match wins. Patterns are plain substrings of the document text.
OUT_OF_REACH = [
    # state-controlled or very high bar: out of reach for most operators
    "信息网络传播视听节目许可证", "互联网新闻信息服务许可证", "广播电视频道许可证", "广播电视节目播出机构许可证",
    "广播电视节目传送业务经营许可证", "基础电信业务经营许可证", "金融许可证", "金融机构许可证", "支付业务许可证",
    "经营证券期货业务许可证", "保险公司法人许可证", "经营保险业务许可证", "网络出版服务许可证", "互联网出版许可证",
    "征信业务经营许可证", "互联网宗教信息服务许可证", "公共航空运输企业经营许可证", "机场使用许可证",
    "事业单位法人证书", "适用于事业单位主体", "适用于电视台", "网络视听审核员证", "总编辑", "免税商店经营许可",
    "文物拍卖许可证", "香港证券牌照", "网络游戏出版物号",
]
HARD = [
    "增值电信业务经营许可证", "网络文化经营许可证", "医疗机构执业许可证", "医疗执业机构许可证", "药品经营许可证",
    "互联网药品信息服务资格证", "网络预约出租汽车经营许可证", "人力资源服务许可证", "旅行社业务经营许可证",
    "办学许可证", "培训许可证", "广播电视节目制作经营许可证", "算法备案", "营业性演出许可证", "医疗器械经营许可证",
    "医疗器械生产许可证", "快递业务经营许可证", "道路运输经营许可证", "典当经营许可证", "拍卖经营批准证书",
    "保险", "融资担保", "小额贷款", "证券", "期货", "基金", "信托", "区块链", "等级保护", "药物临床试验",
    "批文", "批准", "许可证", "资格证", "执业证", "牌照", "全国网络视听平台信息登记", "信息网络传播视听节目备案",
    "测绘资质", "司法鉴定许可证", "认证机构批准书",
]
EASY = [
    "非经营性互联网信息服务备案核准", "预包装食品销售备案", "营业执照", "合作协议", "协议", "授权", "承诺", "声明",
    "说明", "截图", "名单", "列表", "图标", "证明", "商业注册", "登记表", "简历", "身份证", "查询", "隐私政策",
    "委托", "公示", "样本", "具体演出内容", "网络渠道编码", "信用代码",
]


# documents held by a partner (the applicant shows a copy of the partner's licence)
PARTNER = re.compile(r"^(该|合作|与|技术主体|旗下|代理商|虚拟运营商|入驻)")


def doc_level_plain(text):
    for pat in HARD:
        if pat in text:
            return 3
    for pat in EASY:
        if pat in text:
            return 1
    return 2


def doc_level(text):
    if "机构类型为：机关" in text or "适用于政府主体" in text:
        return GOV
    for pat in OUT_OF_REACH:
        if pat in text:
            return 4
    if "政府部门" in text or "主管部门" in text:
        return 3  # an authorisation from a government department
    if PARTNER.match(text):
        return min(2, doc_level_plain(text))  # the partner holds it: the work is finding the partner
    if "食品经营许可证" in text or "食品生产许可证" in text or "出版物经营许可证" in text or "卫生许可证" in text:
        return 2
    return doc_level_plain(text)  # anything unmatched: an ordinary registration or certificate (moderate)


def level_of(item):
    """Difficulty of one document item (a string or a bundle); optional bundles count as 0."""
    if isinstance(item, str):
        return doc_level(item)
    if item.get("optional"):
        return 0
    return level_all_any(item.get("all", []), item.get("any_of", []))


def level_all_any(all_items, any_of):
    worst = 0
    for it in all_items:
        worst = max(worst, level_of(it))
    for group in any_of:
        if group:
            worst = max(worst, min(level_of(it) for it in group))
    return worst


# ---------------------------------------------------------------------------------------------- helpers
def slugify(text):
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if not s:
        raise SystemExit(f"empty slug from {text!r}")
    return s


def gloss(name):
    g = NAMES.get(name)
    if g is None:
        return None, None
    if isinstance(g, tuple):
        return g
    return slugify(g.replace("&", " and ")), g


def q(s):
    """A TOML basic string (JSON escapes are valid TOML escapes)."""
    return json.dumps(s, ensure_ascii=False)


def doc_item(item):
    if isinstance(item, str):
        return q(item)
    parts = []
    label = item.get("label")
    if item.get("optional"):
        label = label or "资质选填"
        if "选填" not in label:
            label = "（选填）" + label
    if label:
        parts.append(f"label = {q(label)}")
    parts.append("all = [" + ", ".join(doc_item(i) for i in item.get("all", [])) + "]")
    parts.append("any_of = [" + ", ".join(doc_group(g) for g in item.get("any_of", [])) + "]")
    return "{ " + ", ".join(parts) + " }"


def doc_group(group):
    return "[" + ", ".join(doc_item(i) for i in group) + "]"


def bundle_notes(item, acc):
    if isinstance(item, str):
        return
    for n in item.get("notes", []) or []:
        acc.append((item.get("label"), n))
    for i in item.get("all", []):
        bundle_notes(i, acc)
    for g in item.get("any_of", []):
        for i in g:
            bundle_notes(i, acc)


CJK = re.compile(r"[\u4e00-\u9fff]")


def summary_for(rec, scope):
    zh, en = [], []
    flags = rec["flags"]
    if flags.get("first_code_review_by_local_internet_authority"):
        zh.append("选了这个类目后，第一次提交代码审核还要由当地互联网主管机关审核确认，官方估计约 7 天。")
        en.append("After choosing this category, the first code review is also checked by the local internet "
                  "authority; WeChat estimates about 7 days.")
    if flags.get("beta_email_application"):
        zh.append("内测类目：后台不能在线申请，要按官方说明发邮件申请，审核一般 7 个工作日，可能更长。")
        en.append("Closed-beta category: it cannot be applied for in the admin console; apply by e-mail as the "
                  "category page says. Review usually takes 7 working days, sometimes longer.")
    if rec["requires_documents"] is None and not flags.get("beta_email_application"):
        zh.append("官方类目表这一行缺了资质一格，所需材料以提交时后台的要求为准。")
        en.append("The official table is missing the documents cell for this row; what the admin console asks "
                  "for at submission prevails.")
    if rec.get("unclear") and rec["requires_documents"] is not None:
        zh.append("官方表格在这里写得不清楚，材料按提交时后台的要求准备。")
        en.append("The official table is ambiguous here; prepare the documents the admin console asks for.")
    # official notes printed in the table (Chinese, quoted as-is), unless already in the scope text
    quoted = []
    for n in rec.get("notes", []):
        text = re.sub(r"^(类目适用范围：|备注：|内测: )", "", n).strip()
        # The reference's own English annotations, e.g. "(the alternatives are per region, …)",
        # are not the platform's words.
        text = re.sub(r"\s*\([a-z][A-Za-z ,']*\)?$", "", text).strip()
        if not CJK.search(text[:4]) or text in (scope or "") or text in quoted:
            continue
        quoted.append(text)
    acc = []
    for it in rec["requirements"]["all"]:
        bundle_notes(it, acc)
    for g in rec["requirements"]["any_of"]:
        for it in g:
            bundle_notes(it, acc)
    for label, n in acc:
        if CJK.search(n[:6]):
            quoted.append((f"「{label}」" if label else "") + n)
    if quoted:
        zh.append("类目表原注：" + " ".join(quoted))
        en.append("Note in the category table (Chinese, as published): " + " ".join(quoted))
    if not zh:
        return None
    return " ".join(zh), " ".join(en)



# ---------------------------------------------------------------------------------------------- licence rules
FREE = "free"          # a way through without any licence of DOC_REQUIREMENTS
COMPLEX = "complex"    # a way through that needs several licences at once: not expressible as one group


def entity_only(item):
    """The entity types that alone can give this document or bundle (empty: anyone)."""
    texts = [item] if isinstance(item, str) else [item.get("label") or ""]
    if not isinstance(item, str):
        acc = []
        def walk(it):
            if isinstance(it, str):
                acc.append(it)
                return
            for i in it.get("all", []):
                walk(i)
            for g in it.get("any_of", []):
                for i in g:
                    walk(i)
        walk(item)
        texts += acc
    found = set()
    for t in texts:
        for marker, entity in ENTITY_ONLY:
            if marker in t and ("适用于" in t or "机构类型" in t or t == (item.get("label") if isinstance(item, dict) else None)):
                found.add(entity)
    return found


def clauses_of(item):
    """What one document or bundle demands, as a list of clauses (each: the ids of which one is needed),
    or FREE / COMPLEX."""
    if isinstance(item, str):
        ids = DOC_REQUIREMENTS.get(item)
        return [list(ids)] if ids else []
    if item.get("optional"):
        return []
    out = []
    for it in item.get("all", []):
        c = clauses_of(it)
        if c == COMPLEX:
            return COMPLEX
        if c != FREE:
            out += c
    for group in item.get("any_of", []):
        g = group_clause(group)
        if g == COMPLEX:
            return COMPLEX
        if g not in (FREE, None):
            out.append(g)
    return out


def group_clause(group, excluded=None):
    """The one clause an either/or group demands (the union of its alternatives' ids), FREE when some
    alternative needs no licence of ours, COMPLEX when one needs several at once. Alternatives only some
    entity types can give are left aside and their entity types added to `excluded`."""
    ids = []
    for alt in group:
        only = entity_only(alt)
        if only:
            if excluded is not None:
                excluded |= only
            continue
        c = clauses_of(alt)
        if c == COMPLEX or (isinstance(c, list) and len(c) > 1):
            return COMPLEX
        if not c:
            return FREE
        for i in c[0]:
            if i not in ids:
                ids.append(i)
    return ids or FREE


def licence_demands(req):
    """(required ids, one-of groups, entity types the rule leaves out, complex?) of a category's documents."""
    require, groups, excluded, complex_ = [], [], set(), False
    for it in req["all"]:
        c = clauses_of(it)
        if c == COMPLEX:
            complex_ = True
            continue
        for clause in c:
            (require if len(clause) == 1 else groups).append(clause[0] if len(clause) == 1 else clause)
    for group in req["any_of"]:
        g = group_clause(group, excluded)
        if g == COMPLEX:
            complex_ = True
        elif g != FREE:
            (require if len(g) == 1 else groups).append(g[0] if len(g) == 1 else g)
    require = list(dict.fromkeys(require))
    groups = [g for g in groups if not set(g) & set(require)]
    return require, groups, excluded, complex_


def hand_rules(rules_path):
    """The hand-written WeChat rules (rules/platform/wechat.toml)."""
    import tomllib
    with open(rules_path, "rb") as f:
        return tomllib.load(f).get("rule", [])


def licence_rules(hand, demands, names, entities_of):
    """One rule `<hand rule id>-licences` per hand-written WeChat rule that requires categories whose documents
    demand licences: a category it requires directly brings its demands; a group of categories (N选1) brings
    them only when every category of the group demands the same. It holds when the hand rule does (so a
    licence never depends on the category picker, which the user may skip)."""
    out = []
    for r in hand:
        require, groups, excluded, cats, first_cat = [], [], set(), [], None
        sets = [[c] for c in r.get("require", [])] + [list(g) for g in r.get("require_one_of", [])]
        for members in sets:
            ds = [demands.get(c) for c in members]
            if any(d is None for d in ds):
                continue  # not a category of the table (or a requirement of another kind)
            first = ds[0]
            if any(not (d[0] or d[1]) or d[2] != first[2] for d in ds):
                continue  # some category of the group needs no licence of ours, or suits other entity types
            if all((d[0], d[1]) == (first[0], first[1]) for d in ds):
                req_here, groups_here = first[0], first[1]
            elif all(len(d[0]) + len(d[1]) == 1 for d in ds):
                # each category needs one licence out of its own list: the group needs one out of them all
                union = []
                for d in ds:
                    for x in (d[0] or d[1][0]):
                        if x not in union:
                            union.append(x)
                req_here, groups_here = ([union[0]], []) if len(union) == 1 else ([], [union])
            else:
                continue
            cats.append(" / ".join(names[c] for c in members))
            first_cat = first_cat or members[0]
            require += [x for x in req_here if x not in require]
            groups += [g for g in groups_here if g not in groups]
            excluded |= first[2]
        if not cats:
            continue
        groups = [g for g in groups if not set(g) & set(require)]
        when = r["when"]
        entities = entities_of[first_cat]
        kept = [e for e in entities if e not in excluded]
        if len(kept) < len(entities):
            when = f"({when}) and entity in [" + ", ".join(q(e) for e in kept) + "]"
        cat_zh = "」「".join(cats)
        out.append("[[rule]]")
        out.append(f"id = {q(r['id'] + '-licences')}")
        out.append(f"when = '{when}'")
        if require:
            out.append("require = [" + ", ".join(q(x) for x in require) + "]")
        if groups:
            out.append("require_one_of = [" + ", ".join("[" + ", ".join(q(x) for x in g) + "]" for g in groups) + "]")
        out.append(f"zh = {q('微信「' + cat_zh + '」类目要求的资质（几项可选时有一项即可）：这是平台的要求，法律本身未必要求。')}")
        out.append(f"en = {q('WeChat asks for this (or one of these) for the category ' + cat_zh + ': the platform demands it, whether or not the law alone would.')}")
        out.append('sources = ["w-cat"]')
        out.append('confidence = "official"')
        out.append("")
    return out


# ---------------------------------------------------------------------------------------------- main
def generate(records, json_label):
    out = []
    out.append("# GENERATED FILE: do not edit by hand.")
    out.append("# Made by `python3 tools/gen_wechat_categories.py` (run from the repository root) from")
    out.append(f"# {json_label}: the WeChat page 小程序开放的服务类目")
    out.append("# (https://developers.weixin.qq.com/miniprogram/product/material/), extracted 2026-11-28 from the")
    out.append("# Marco9442/wx-miniprogram-doc mirror at commit 1452f96 (2026-07-30).")
    out.append("# One [[requirement]] per 三级 category: 非个人主体 → wx-ni-…, 个人主体 → wx-pe-…, 境外主体 → wx-ov-…")
    out.append("# (ids are made from the category names, see the generator's docstring).")
    out.append("# `documents`: copied from the table as AND-of-OR; document titles are verbatim Chinese.")
    out.append("# `scope` (类目适用范围): Chinese text as published; its `en` is the SAME Chinese text (not translated).")
    out.append("# `en` names: the generator's English glosses of each level. `difficulty`: derived from the documents")
    out.append("# (see doc_level() in the generator), a rough guide rather than WeChat's word.")
    out.append("# WeChat says the list changes and the materials asked for at submission prevail.")
    out.append("")
    seen = {}
    missing = set()
    hand = hand_rules(os.path.join(ROOT, "rules", "platform", "wechat.toml"))
    demands_of, names, entities_of, complex_ids = {}, {}, {}, []
    for rec in records:
        sec, entities = SECTIONS[rec["entity"]]
        l1 = L1.get(rec["level1"])
        s2, g2 = gloss(rec["level2"])
        s3, g3 = (gloss(rec["level3"]) if rec["level3"] else (None, None))
        if l1 is None:
            missing.add(rec["level1"])
        if s2 is None:
            missing.add(rec["level2"])
        if rec["level3"] and s3 is None:
            missing.add(rec["level3"])
        if l1 is None or s2 is None:
            continue
        rid = f"wx-{sec}-{l1[0]}-{s2}" + (f"-{s3}" if s3 else "")
        if rec["level3"] and s3 is None:
            rid += "-l" + str(rec["source"]["line"])  # unreachable once NAMES is complete (checked below)
        if rid in seen:
            raise SystemExit(f"duplicate id {rid}: {seen[rid]} and {rec['level1']}/{rec['level2']}/{rec['level3']}")
        seen[rid] = f"{rec['level1']}/{rec['level2']}/{rec['level3']}"
        zh_name = " › ".join(x for x in (rec["level1"], rec["level2"], rec["level3"]) if x)
        en3 = g3 if g3 else (f"{g2}: {rec['level3']}" if rec["level3"] else None)
        en_name = " › ".join(x for x in (l1[1], g2, en3) if x)
        req = rec["requirements"]
        has_docs = bool(req["all"] or req["any_of"])
        level = level_all_any(req["all"], req["any_of"]) if has_docs else 0
        gov_only = level == GOV
        scope = (rec.get("scope") or "").strip()

        out.append("[[requirement]]")
        out.append(f"id = {q(rid)}")
        out.append('group = "wechat_category"')
        out.append('layer = "platform"')
        out.append('kind = "category"')
        out.append('step = "category"')
        out.append(f"zh = {q(zh_name)}")
        out.append(f"en = {q(en_name)}")
        summ = summary_for(rec, scope)
        if rid in LAW_VS_CATEGORY:
            nzh, nen = LAW_VS_CATEGORY[rid]
            summ = (nzh + (" " + summ[0] if summ else ""), nen + (" " + summ[1] if summ else ""))
        if summ:
            out.append(f"summary = {{ zh = {q(summ[0])}, en = {q(summ[1])} }}")
        out.append('authority = { zh = "微信公众平台（小程序类目审核）", en = "WeChat Official Accounts Platform (category review)" }')
        flags = rec["flags"]
        if flags.get("beta_email_application"):
            out.append("lead_time = [7, 10]")
        elif flags.get("first_code_review_by_local_internet_authority"):
            out.append("lead_time = [5, 7]")
        if rec["requires_documents"] is None and not has_docs:
            difficulty = "moderate"  # unknown: the table gives no documents for this row
        elif gov_only:
            difficulty = "easy"  # easy for the government bodies that may hold it (eligibility below)
        else:
            difficulty = LEVELS[level]
        out.append(f"difficulty = {q(difficulty)}")
        out.append('platforms = ["wechat"]')
        out.append("entities = [" + ", ".join(q(e) for e in entities) + "]")
        if scope:
            out.append(f"scope = {{ zh = {q(scope)}, en = {q(scope)} }}")
        out.append("documents = { all = [" + ", ".join(doc_item(i) for i in req["all"]) + "], any_of = ["
                   + ", ".join(doc_group(g) for g in req["any_of"]) + "] }")
        out.append("sources = [" + ", ".join(q(x) for x in ["w-cat"] + LAW_VS_CATEGORY_SOURCES.get(rid, [])) + "]")
        out.append('confidence = "official"')
        out.append('checked = "2026-11"')
        out.append(f"# source: {rec['source']['path']} line {rec['source']['line']}")
        if rid in MYTHS:
            mzh, men, msrc = MYTHS[rid]
            out.append("")
            out.append("[requirement.myth]")
            out.append(f"zh = {q(mzh)}")
            out.append(f"en = {q(men)}")
            out.append("sources = [" + ", ".join(q(x) for x in msrc) + "]")
        if gov_only:
            out.append("")
            out.append("[[requirement.eligibility]]")
            out.append('when = \'entity in ["individual_business", "company", "media"]\'')
            out.append("blocks = true")
            out.append('zh = "这个类目要求机构类型为「机关」的统一社会信用代码证，只有政府机关'
                       '（或按机关登记的单位）能提供，企业、个体工商户和媒体拿不到。"')
            out.append('en = "This category asks for a unified social credit code certificate of type 机关 '
                       '(government body): companies, sole traders and media cannot provide it."')
            out.append('met = { zh = "这个类目要求机构类型为「机关」的统一社会信用代码证：你的主体是「{entity}」，可以提供。", '
                       'en = "This category asks for a unified social credit code certificate of type 机关 (government body): '
                       'your entity is “{entity}”, which can provide it." }')
            out.append('sources = ["w-cat"]')
        out.append("")
        demands_of[rid] = licence_demands(req)
        names[rid] = zh_name
        entities_of[rid] = entities
        if demands_of[rid][3]:
            complex_ids.append(rid)
    rules = licence_rules(hand, demands_of, names, entities_of)
    if rules:
        out.append("# ------------------------------------------------------------------ licences the categories ask for")
        out.append("# For each rule of rules/platform/wechat.toml that requires categories whose documents demand a licence or")
        out.append("# filing of the law layer (DOC_REQUIREMENTS in the generator): `<that rule>-licences`, holding when it does.")
        out.append("# Categories whose documents need several licences in one way through are left to hand-written rules:")
        out.append("# " + (", ".join(complex_ids) if complex_ids else "none") + ".")
        out.append("")
        out += rules
    if missing:
        raise SystemExit("no English gloss for: " + ", ".join(sorted(missing)))
    unknown = (set(MYTHS) | set(LAW_VS_CATEGORY)) - set(seen)
    if unknown:
        raise SystemExit("MYTHS names unknown ids: " + ", ".join(sorted(unknown)))
    return "\n".join(out), len(seen)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", default=DEFAULT_JSON)
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    with open(args.json, encoding="utf-8") as f:
        records = json.load(f)
    text, n = generate(records, "../shared/reference/wechat-categories.json")
    if n != len(records):
        raise SystemExit(f"wrote {n} categories for {len(records)} records")
    if args.check:
        try:
            with open(args.out, encoding="utf-8") as f:
                current = f.read()
        except FileNotFoundError:
            current = None
        if current != text:
            print(f"{args.out} is out of date: run python3 tools/gen_wechat_categories.py", file=sys.stderr)
            return 1
        print(f"{args.out} is up to date ({n} categories)")
        return 0
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {n} categories to {os.path.relpath(args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
