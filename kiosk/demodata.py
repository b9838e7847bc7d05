"""Deterministic demo attendees and registrations for any event: multilingual, seeded, streaming."""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterator, Sequence
from typing import NamedTuple, TypeVar

from kiosk.domain.event import AttendeeType, Event, Registration, Session

T = TypeVar("T")


class AttendeeRow(NamedTuple):
    """One generated attendee; the fields of kiosk.domain.attendee.Attendee it fills."""

    id: str  # "A0000001"
    first_name: str  # given name
    last_name: str  # family name(s); CJK names are shown family-first by Attendee.name
    company: str  # may be "" (independent visitors)
    email: str  # ASCII, unique, on reserved domains (RFC 2606 / RFC 6761) only
    type: str  # an attendee type id of the event
    ticket_code: str  # 10 characters from _CODE_ALPHABET, unique
    position: str


class RegistrationRow(NamedTuple):
    attendee_id: str
    session_id: str
    kind: str  # "registered" (registration = required) or "invited" (registration = invitation)


# ------------------------------------------------------------------ name and company pools
# Entries are "display:ascii:weight"; ascii and weight are optional (ascii is then derived by
# transliteration, weight defaults to 1). The weights are rough shares, not statistics.

_POOLS: dict[str, str] = {
    "zh_family": (
        "王:wang:71,李:li:70,张:zhang:68,刘:liu:54,陈:chen:45,杨:yang:31,黄:huang:22,赵:zhao:22,"
        "吴:wu:20,周:zhou:19,徐:xu:16,孙:sun:15,马:ma:14,朱:zhu:14,胡:hu:13,郭:guo:12,何:he:12,"
        "林:lin:11,高:gao:11,罗:luo:10,郑:zheng:10,梁:liang:9,谢:xie:8,宋:song:8,唐:tang:8,"
        "许:xu:7,韩:han:7,冯:feng:7,邓:deng:7,曹:cao:7,彭:peng:6,曾:zeng:6,肖:xiao:6,田:tian:6,"
        "董:dong:5,潘:pan:5,袁:yuan:5,蔡:cai:5,蒋:jiang:5,余:yu:5,于:yu:5,杜:du:5,叶:ye:5,"
        "程:cheng:5,魏:wei:4,苏:su:4,吕:lyu:4,丁:ding:4,任:ren:4,沈:shen:5,姚:yao:4,卢:lu:4,"
        "钟:zhong:4,姜:jiang:4,崔:cui:3,谭:tan:3,陆:lu:4,范:fan:3,汪:wang:3,廖:liao:3,石:shi:3,"
        "金:jin:3,贾:jia:3,夏:xia:3,方:fang:3,邹:zou:3,熊:xiong:3,白:bai:3,孟:meng:3,秦:qin:3,"
        "邱:qiu:3,侯:hou:3,江:jiang:3,顾:gu:4,钱:qian:3,严:yan:2,陶:tao:2,龚:gong:2,"
        "欧阳:ouyang:1,司马:sima:1,上官:shangguan:1,诸葛:zhuge:1"
    ),
    "zh_given": (
        "伟:wei:4,芳:fang:4,娜:na:3,敏:min:3,静:jing:3,丽:li:3,强:qiang:3,磊:lei:3,军:jun:3,"
        "洋:yang:2,勇:yong:2,艳:yan:2,杰:jie:3,涛:tao:2,明:ming:2,超:chao:2,霞:xia,平:ping,刚:gang,"
        "婷:ting:2,鑫:xin,颖:ying,琳:lin,凯:kai,博:bo,晨:chen,丹:dan,倩:qian,浩:hao,宁:ning,"
        "秀英:xiuying:2,秀兰:xiulan,桂英:guiying,建华:jianhua:2,建国:jianguo,志强:zhiqiang:2,"
        "晓明:xiaoming:2,海燕:haiyan,丽娟:lijuan,俊杰:junjie:2,子涵:zihan:2,浩然:haoran:2,"
        "欣怡:xinyi:2,梓萱:zixuan,宇轩:yuxuan,思远:siyuan,雨桐:yutong,文博:wenbo,佳怡:jiayi:2,"
        "一鸣:yiming,天宇:tianyu,晓东:xiaodong,春华:chunhua,国强:guoqiang,美玲:meiling,"
        "嘉欣:jiaxin,振宇:zhenyu,诗涵:shihan,明轩:mingxuan,晨曦:chenxi,若曦:ruoxi,立新:lixin,"
        "红梅:hongmei,玉兰:yulan,慧敏:huimin,永刚:yonggang,海涛:haitao,雪:xue,喆:zhe,堃:kun,"
        "䶮:yan"
    ),
    "es_given": (
        "José,María:3,Antonio,Carmen:2,Manuel,Lucía:2,Javier:2,Ana:2,Francisco,Laura:2,David:2,"
        "Cristina,Alejandro,Sofía,Miguel Ángel,Elena:2,Raúl,Pilar,Sergio,Isabel,Andrés,Inés,Álvaro,"
        "Beatriz,Ignacio,Rocío,María José,Begoña,Íñigo"
    ),
    "es_family": (
        "García:6,López:5,Martínez:5,Sánchez:5,Pérez:5,Gómez:4,Martín:4,Jiménez:3,Ruiz:3,"
        "Hernández:3,Díaz:3,Moreno:3,Muñoz:3,Álvarez:3,Romero:2,Alonso:2,Gutiérrez:2,Navarro:2,"
        "Torres:2,Domínguez:2,Vázquez:2,Ramos:2,Gil:2,Ramírez:2,Serrano,Blanco,Molina,Castro,"
        "Ortega,Rubio,Núñez,Iglesias,Peña,Ibáñez,Echeverría,Sáenz de Santamaría"
    ),
    "ca_given": (
        "Núria:2,Jordi:3,Montserrat:2,Pau:2,Laia:2,Oriol:2,Mireia,Arnau:2,Meritxell,Jaume,Roser,"
        "Marc:2,Pere,Joan:2,Marta:2,Xavier,Aina,Gemma,Francesc,Ramon,Marcel·la,Queralt,Martí,Ona"
    ),
    "ca_family": (
        "Puig:3,Solé:2,Vila:2,Ferrer:3,Serra:2,Font:2,Roca:2,Pujol:2,Soler:2,Casals,Riera,Mas:2,"
        "Vidal:2,Coll,Bosch,Sala,Garriga,Prat,Canals,Torras,Fàbregas,Comas,Roig,Batlle,Vilaró,"
        "Miró,Casas,Balcells,Bonet,Sabaté,Gràcia,Llull,Duran,Esteve"
    ),
    "de_given": (
        "Jürgen:2,Günter,Jörg,Björn,Sören,Uwe,Klaus,Stefan:2,Andreas:2,Michael:2,Thomas:2,Sabine:2,"
        "Ursula,Käthe,Lena:2,Anna:2,Sophie,Lukas:2,Maximilian,Felix,Katrin,Birgit,Heike,Dörte,"
        "Monika,Matthias,Tobias,Julia:2,Hannah,Hans-Jürgen,Anne-Kathrin,Gülşen,Jan-Hendrik"
    ),
    "de_family": (
        "Müller:6,Schmidt:5,Schneider:4,Fischer:4,Weber:3,Meyer:3,Wagner:3,Becker:3,Schulz:3,"
        "Hoffmann:3,Schäfer:3,Koch:2,Bauer:2,Richter:2,Klein:2,Wolf:2,Schröder:2,Neumann:2,"
        "Schwarz:2,Zimmermann:2,Braun:2,Krüger:2,Hofmann,Hartmann,Lange,Groß:2,Weiß:2,Strauß,"
        "Voß,Köhler,Jäger,Böhm,Günther,Müller-Lüdenscheidt,Fuß,Nußbaum,Krauß,von der Heide,"
        "Öztürk"
    ),
    "en_given": (
        "James,Mary,John,Patricia,Robert,Jennifer,Michael,Linda,William,Elizabeth,David,Sarah,"
        "Emma,Oliver,Olivia,Harry,Amelia,Charlotte,George,Siobhan,Niamh,Seán,Priya,Chloe,Daniel"
    ),
    "en_family": (
        "Smith:3,Johnson:2,Williams:2,Brown:2,Jones:2,Taylor:2,Davies,Evans,Wilson,Thomas,Roberts,"
        "O'Brien,McDonald,Clarke,Walker,Wright,Thompson,White,Hughes,Edwards,Green,Hall,Wood,"
        "Harris,Lewis,Martin,Jackson,Patel,Nguyen,Ó Súilleabháin"
    ),
    "fr_given": (
        "Élodie,François,Hélène,Benoît,Amélie,Jérôme,Chloé,Stéphane,Thérèse,Loïc,Maëlle,Noël,"
        "Cécile,Jean-Luc,Anaïs"
    ),
    "fr_family": (
        "Lefèvre,Dubois,Moreau,Laurent,Girard,Bérenger,Rousseau,Fournier,Lemaître,Chevalier,Faure,"
        "Mercier,Dupont,N'Diaye,de la Tour"
    ),
    "it_given": (
        "Giuseppe,Francesca,Niccolò,Chiara,Luca,Giulia,Alessandro,Federica,Matteo,Sara,Lorenzo,"
        "Ilaria"
    ),
    "it_family": (
        "Rossi:2,Russo,Ferrari,Esposito,Bianchi,Romano,Colombo,Ricci,Marino,Greco,Bruno,Gallo,"
        "Conti,De Luca,Mancini,Costa,Cantù,D'Amico"
    ),
    "ja_family": (
        "佐藤:sato:3,鈴木:suzuki:3,高橋:takahashi:2,田中:tanaka:2,伊藤:ito:2,渡辺:watanabe:2,"
        "山本:yamamoto:2,中村:nakamura:2,小林:kobayashi,加藤:kato,吉田:yoshida,山田:yamada,"
        "𠮷田:yoshida"
    ),
    "ja_given": (
        "翔太:shota,陽菜:hina,健太:kenta,美咲:misaki,大輔:daisuke,由美:yumi,拓也:takuya,愛:ai,"
        "直樹:naoki,花子:hanako,蓮:ren,結衣:yui,さくら:sakura"
    ),
    "ko_family": (
        "김:kim:5,이:lee:4,박:park:3,최:choi:2,정:jung:2,강:kang,조:cho,윤:yoon,장:jang,임:lim"
    ),
    "ko_given": (
        "민준:minjun,서연:seoyeon,지훈:jihoon,수빈:subin,현우:hyunwoo,지은:jieun,도윤:doyun,"
        "하은:haeun,성민:seongmin,예진:yejin"
    ),
    "ar_given": (
        "محمد:mohammed:3,أحمد:ahmed:2,فاطمة:fatima:2,علي:ali:2,يوسف:yousef,مريم:maryam,"
        "خالد:khalid,نورة:noura,عمر:omar,سارة:sara,حمد:hamad,عائشة:aisha"
    ),
    "ar_family": (
        "الهاشمي:alhashimi,المنصوري:almansoori,الكعبي:alkaabi,العتيبي:alotaibi,الشمري:alshammari,"
        "القحطاني:alqahtani,حداد:haddad,خوري:khoury,النعيمي:alnaimi,الكواري:alkuwari,العطية:alattiyah"
    ),
}

# Company pools: "name:domain-label:weight"; the label is derived from the name when left out.
_COMPANIES: dict[str, str] = {
    "exhibitors": (
        "Huawei:huawei:10,China Mobile Limited:chinamobile:10,Cloudwalk Technology:cloudwalk:8,"
        "华为技术有限公司:huawei:3,中国移动通信集团上海有限公司:sh-chinamobile:3,云从科技:cloudwalk:2,"
        "ZTE:zte:4,Alibaba Cloud:alibabacloud:4,Tencent Cloud:tencentcloud:3,Baidu Apollo:apollo:3,"
        "SAIC Motor:saicmotor:3,BYD:byd:3,iFlytek:iflytek:2,Shanghai Electric:shanghai-electric:2,"
        "State Grid Shanghai:sgcc-sh:2,Siemens:siemens:3,Schneider Electric:se:2,ABB:abb:2,"
        "Bosch:bosch:2,Cisco:cisco:2,Ericsson:ericsson:2,Telefónica:telefonica:2,Indra:indra:2,"
        "Cellnex:cellnex,Worldsensing:worldsensing,Bismart:bismart,NIO:nio,XPeng:xpeng,"
        "Ping An Smart City:pingan"
    ),
    "organisers": (
        "Fira de Barcelona:firabarcelona:40,INTEX Shanghai:intex:45,"
        "上海国际展览有限公司:intex:8,Shanghai Post Museum:postmuseum:10"
    ),
    "press_cn": (
        "新华社:xinhua:3,Xinhua News Agency:xinhua:2,Shanghai Daily:shanghaidaily:3,"
        "China Daily:chinadaily:3,澎湃新闻:thepaper:3,第一财经:yicai:2,"
        "SMG Shanghai Media Group:smg:2,解放日报:jfdaily:2"
    ),
    "press_es": (
        "La Vanguardia,El País:elpais,El Periódico:elperiodico,Agencia EFE:efe,"
        "Televisió de Catalunya:tv3,Ara:ara"
    ),
    "press_de": (
        "Handelsblatt,Deutsche Welle:dw,Süddeutsche Zeitung:sz,"
        "Frankfurter Allgemeine Zeitung:faz,heise online:heise"
    ),
    "press_intl": (
        "Reuters,Financial Times:ft,Bloomberg,Nikkei Asia:nikkei,Smart Cities World:scw,"
        "Cities Today:citiestoday,Al Jazeera:aljazeera,Le Monde:lemonde,"
        "Corriere della Sera:corriere"
    ),
    "gov_cn": (
        "上海市人民政府:shanghai-gov:3,Shanghai Municipal People's Government:shanghai-gov:2,"
        "上海市经济和信息化委员会:sheitc:2,"
        "Shanghai Municipal Commission of Economy and Informatization:sheitc:2,"
        "Shanghai Foreign Affairs Office:shfao,上海市浦东新区人民政府:pudong-gov,"
        "Hangzhou Municipal Data Resource Bureau:hz-data,深圳市人民政府:sz-gov"
    ),
    "gov_es": (
        "Ajuntament de Barcelona:bcn:4,Generalitat de Catalunya:gencat:2,"
        "Consulado General de España en Shanghái:consulado-shanghai,"
        "Diputació de Barcelona:diba,Àrea Metropolitana de Barcelona:amb,"
        "Fira de Barcelona:firabarcelona"
    ),
    "gov_de": (
        "Generalkonsulat der Bundesrepublik Deutschland Shanghai:gk-shanghai,"
        "Freie und Hansestadt Hamburg:hamburg,Landeshauptstadt München:muenchen"
    ),
    "gov_intl": (
        "UN-Habitat:unhabitat,World Bank:worldbank,C40 Cities:c40,ICLEI:iclei,"
        "Asian Development Bank:adb,京都市:kyoto-city,Ministry of Municipality Qatar:mm-qatar,"
        "Prefeitura de Curitiba:curitiba,Gobierno de la Ciudad de Buenos Aires:buenosaires"
    ),
    "academia_cn": (
        "Tongji University:tongji:3,同济大学:tongji:2,Fudan University:fudan:2,复旦大学:fudan,"
        "Shanghai Jiao Tong University:sjtu:2,上海交通大学:sjtu,Tsinghua University:tsinghua,"
        "China Academy of Information and Communications Technology:caict,"
        "East China Normal University:ecnu"
    ),
    "academia_es": (
        "Universitat Politècnica de Catalunya:upc:3,Universitat de Barcelona:ub:2,"
        "IESE Business School:iese,Barcelona Supercomputing Center:bsc,"
        "Universitat Pompeu Fabra:upf,i2CAT Foundation:i2cat,Universidad Politécnica de Madrid:upm"
    ),
    "academia_de": (
        "Technische Universität München:tum:2,Fraunhofer-Gesellschaft:fraunhofer:2,"
        "Karlsruher Institut für Technologie:kit,Universität Stuttgart:uni-stuttgart"
    ),
    "academia_intl": (
        "MIT Senseable City Lab:mit,UCL Centre for Advanced Spatial Analysis:ucl,ETH Zürich:ethz,"
        "University of Tokyo:u-tokyo,KAIST:kaist,Qatar University:qu,Sciences Po:sciencespo,"
        "Politecnico di Milano:polimi,Georgia Institute of Technology:gatech"
    ),
    "general_cn": (
        "Shanghai Urban Construction Design and Research Institute:sucdri:2,"
        "上海城投集团:chengtou:2,"
        "Shanghai Shentong Metro:shmetro:2,China Telecom Shanghai:chinatelecom:2,"
        "中国电信上海公司:chinatelecom,Lingang Group:lingang,Suzhou Industrial Park:sipac,"
        "上海临港经济发展集团:lingang,Deloitte China:deloitte,KPMG China:kpmg,"
        "Shanghai Jiushi Group:jiushi,浙江大华技术:dahua,上海数据交易所:chinadep,"
        "Shanghai Pudong Development Bank:spdb,中国建筑第八工程局:cscec8b"
    ),
    "general_es": (
        "Barcelona Activa:barcelonactiva:2,Transports Metropolitans de Barcelona:tmb:2,"
        "Ajuntament de Sabadell:sabadell,Ayuntamiento de Madrid:madrid,"
        "Ayuntamiento de Valencia:valencia,Aigües de Barcelona:aiguesdebarcelona,Endesa:endesa,"
        "Iberdrola:iberdrola,Deloitte España:deloitte-es,Ferrovial:ferrovial,Sener:sener"
    ),
    "general_de": (
        "Stadtwerke München:swm:2,Deutsche Telekom:telekom:2,Deutsche Bahn:db,Stadt Köln:koeln,"
        "Hamburger Hochbahn:hochbahn,TÜV SÜD:tuvsud,Drees & Sommer:dreso,SAP:sap"
    ),
    "general_intl": (
        "Accenture:accenture:2,IBM:ibm:2,Arup:arup:2,McKinsey & Company:mckinsey,AECOM:aecom,"
        "Jacobs:jacobs,Seoul Metropolitan Government:seoul,Tokyo Metropolitan Government:tokyo,"
        "Land Transport Authority Singapore:lta,NTT Data:nttdata,Samsung SDS:samsungsds,"
        "Hitachi:hitachi,Atlanta Regional Commission:atlantaregional,Qatar Foundation:qf,"
        "Ooredoo:ooredoo,Iveco:iveco,Capgemini:capgemini,:"
    ),
}

# Job titles per role and language; "general" serves delegates, visitors and unknown types.
_POSITIONS: dict[str, str] = {
    "general_en": (
        "Project Manager,Urban Planner,Director of Innovation,Chief Information Officer,"
        "Policy Advisor,Head of Smart City Programmes,Senior Engineer,Data Scientist,"
        "Business Analyst,Sustainability Manager,Researcher,Consultant,Transport Planner,"
        "Architect,Student,Procurement Officer,Investor,Product Manager,Chief Executive Officer,"
        "Deputy Director,Energy Analyst,GIS Specialist"
    ),
    "general_zh": (
        "总经理,项目经理,高级工程师,城市规划师,信息中心主任,副处长,数据分析师,研究员,产品经理,"
        "技术总监,处长,科长,首席执行官,咨询顾问,博士研究生,副教授"
    ),
    "general_de": (
        "Projektleiterin,Geschäftsführer,Stadtplanerin,Referent für Digitalisierung,"
        "Abteilungsleiter,Wissenschaftliche Mitarbeiterin,Berater,Leiter Smart City,"
        "Verkehrsplanerin"
    ),
    "general_es": (
        "Directora de Innovación,Jefe de Proyecto,Ingeniero de Caminos,Técnica de Movilidad,"
        "Cap de Projectes,Consultora,Responsable de Sostenibilitat,Analista de Datos"
    ),
    "exhibitor_en": (
        "Sales Director,Solution Architect,Booth Manager,Business Development Manager,"
        "Product Specialist,Marketing Manager,Pre-sales Engineer,Regional Manager Greater China"
    ),
    "exhibitor_zh": "销售经理,解决方案架构师,市场总监,售前工程师,大客户经理,展台负责人",
    "exhibitor_de": "Vertriebsleiter,Produktmanagerin,Key Account Manager",
    "exhibitor_es": "Director Comercial,Responsable de Producto",
    "speaker_en": (
        "Professor,Chief Technology Officer,Director Urban Mobility Lab,Chief Digital Officer,"
        "Associate Professor,Head of Research,Founder and CEO,Senior Fellow"
    ),
    "speaker_zh": "教授,院长,首席技术官,研究所所长,副教授,首席科学家",
    "speaker_de": "Professorin,Institutsleiter,Lehrstuhlinhaber",
    "speaker_es": "Catedràtica,Profesor Titular,Directora de Investigación",
    "press_en": ("Journalist,Editor,Correspondent,Photographer,Video Producer,Technology Reporter"),
    "press_zh": "记者,编辑,摄影记者,主编",
    "press_de": "Redakteurin,Korrespondent,Fotograf",
    "press_es": "Periodista,Redactora,Corresponsal,Fotògraf",
    "vip_en": (
        "Deputy Mayor,Consul General,Director-General,Chairman,City Councillor,Ambassador,"
        "Secretary-General,Minister Counsellor"
    ),
    "vip_zh": "副市长,局长,主任,董事长,秘书长,总裁",
    "vip_de": "Bürgermeisterin,Generalkonsul,Staatssekretär",
    "vip_es": "Alcaldesa,Tinent d'Alcaldia,Cónsul General,Conseller,Presidente",
    "staff_en": (
        "Registration Desk,Volunteer,Floor Manager,Security,Technical Support,Event Coordinator,"
        "Hall Supervisor"
    ),
    "staff_zh": "志愿者,现场经理,安保,技术支持,注册台,会务协调",
    "staff_de": "Technik,Empfang",
    "staff_es": "Voluntària,Coordinador d'Esdeveniments,Suport Tècnic",
}

# Personal (non-company) mail domains per region, all under reserved names.
_PERSONAL_DOMAINS = {
    "cn": "qq.example,163.example,126.example,sina.example,aliyun.example",
    "es": "correu.example,telefonica.example,example.com,example.org",
    "de": "gmx.example,web.example,t-online.example,posteo.example",
    "intl": "example.com,example.org,example.net,mail.example",
}


class _Culture(NamedTuple):
    region: str  # which company, press, government and mail pools people of it draw from
    given: str
    family: str
    second_family: str  # "" or a pool of second surnames (Spanish naming)
    latin_from: str  # "": names as written; "pinyin": the romanised form of the pools
    position_lang: str  # job titles in this language, the rest in English
    position_share: float


_CULTURES: dict[str, _Culture] = {
    "zh": _Culture("cn", "zh_given", "zh_family", "", "", "zh", 0.6),
    "zh_latin": _Culture("intl", "zh_given", "zh_family", "", "pinyin", "en", 0.0),
    "es": _Culture("es", "es_given", "es_family", "es_family", "", "es", 0.4),
    "ca": _Culture("es", "ca_given", "ca_family", "ca_family", "", "es", 0.4),
    "de": _Culture("de", "de_given", "de_family", "", "", "de", 0.4),
    "en": _Culture("intl", "en_given", "en_family", "", "", "en", 0.0),
    "fr": _Culture("intl", "fr_given", "fr_family", "", "", "en", 0.0),
    "it": _Culture("intl", "it_given", "it_family", "", "", "en", 0.0),
    "ja": _Culture("intl", "ja_given", "ja_family", "", "", "en", 0.0),
    "ko": _Culture("intl", "ko_given", "ko_family", "", "", "en", 0.0),
    "ar": _Culture("intl", "ar_given", "ar_family", "", "", "en", 0.0),
}

# Culture shares per role (in _CULTURES order): a Shanghai expo, with guests from sister cities.
_CULTURE_SHARES: dict[str, tuple[float, ...]] = {
    "general": (62, 4, 7, 5, 6, 7, 2.5, 2, 2, 1.5, 1),
    "exhibitor": (70, 4, 5, 3, 7, 6, 1, 1, 1.5, 1, 0.5),
    "speaker": (45, 3, 12, 12, 8, 10, 3, 2, 2, 2, 1),
    "press": (55, 3, 10, 6, 8, 10, 3, 2, 1.5, 1, 0.5),
    "vip": (55, 0, 15, 15, 5, 5, 1, 1, 1, 0, 2),
    "staff": (75, 0, 8, 12, 2, 2, 0, 0, 0, 1, 0),
}

# Roles the generator knows by type id; shares of all attendees (5,000 -> ~75 speakers).
_ROLE_SHARES = {
    "visitor": 52.0,
    "delegate": 30.0,
    "exhibitor": 9.0,
    "speaker": 1.5,
    "press": 2.5,
    "vip": 2.0,
    "staff": 3.0,
}
_OTHER_TYPE_SHARE = 2.0

# Per-session registration behaviour per role: chance to register for workshops and the like,
# chance to be invited to each invitation-only session. Overbooked by 10% for no-shows.
_REGISTER_CHANCE = {"delegate": 0.35, "speaker": 0.10, "press": 0.05, "vip": 0.03}
_OTHER_REGISTER_CHANCE = 0.05
_INVITE_CHANCE = {"vip": 0.9, "speaker": 0.6, "press": 0.35}
_OVERBOOKING = 1.1

_NAME_BITS = 12  # resolution of name, type and culture tables (4096 slots)
_SMALL_BITS = 10  # resolution of company and position tables (1024 slots)

# Ticket codes: Crockford-like upper-case alphabet without I, O, 0 and 1 (no misreading).
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
_CODE_BITS = 50  # 10 characters of 5 bits
_SUFFIX_FIRST_BLOCK = 10  # e-mail numbers 1..1024 for the first 1,024 attendees


# ------------------------------------------------------------------ tables


_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe"})
_LATIN_SPECIAL = str.maketrans({"ß": "ss", "ø": "o", "đ": "d", "ł": "l", "æ": "ae", "œ": "oe"})


def _ascii(text: str, german: bool = False) -> str:
    """Lower-case ASCII letters of a Latin-script name: 'Jürgen' -> 'jurgen' ('juergen' German)."""
    text = text.translate(_GERMAN if german else _LATIN_SPECIAL)
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in text if "a" <= ch <= "z")


def _entries(spec: str, german: bool = False) -> list[tuple[str, str, float]]:
    """Parse 'display:ascii:weight,...' into (display, ascii, weight)."""
    out: list[tuple[str, str, float]] = []
    for item in spec.split(","):
        parts = [p.strip() for p in item.split(":")]
        display, rest = parts[0], parts[1:]
        weight = 1.0
        if rest and rest[-1].replace(".", "").isdigit() and len(rest) in (1, 2):
            weight = float(rest.pop())
        ascii_form = rest[0] if rest else _ascii(display, german)
        out.append((display, ascii_form, weight))
    return out


def _expand(weighted: Sequence[tuple[T, float]], bits: int) -> tuple[T, ...]:
    """A table of 2**bits slots where each item holds a share of slots proportional to weight.

    Every item keeps at least one slot, so rare names stay possible; drawing is then one
    random index, which is what keeps the generator fast.
    """
    size = 1 << bits
    items = [(item, w) for item, w in weighted if w > 0]
    if not items:
        raise ValueError("nothing to draw from")
    total = sum(w for _, w in items)
    slots = [max(1, int(w / total * size)) for _, w in items]
    order = sorted(range(len(items)), key=lambda k: -(items[k][1] / total * size - slots[k]))
    k = 0
    while sum(slots) < size:
        slots[order[k % len(order)]] += 1
        k += 1
    while sum(slots) > size:
        biggest = max(range(len(slots)), key=lambda j: slots[j])
        slots[biggest] -= 1
    table: list[T] = []
    for (item, _), n in zip(items, slots, strict=True):
        table.extend([item] * n)
    return tuple(table)


def _names(culture: _Culture, pool: str) -> tuple[tuple[str, str], ...]:
    """(display, ascii) pairs of a culture's pool, as drawn."""
    entries = _entries(_POOLS[pool], german=pool.startswith("de_"))
    if culture.latin_from == "pinyin":
        entries = [(a.capitalize(), a, w) for _, a, w in entries]
    return _expand([((d, a), w) for d, a, w in entries], _NAME_BITS)


def _role(kind: AttendeeType) -> str:
    if kind.id in _ROLE_SHARES:
        return "general" if kind.id in ("visitor", "delegate") else kind.id
    return "staff" if kind.all_access else "general"


def _companies(role: str, region: str) -> tuple[tuple[str, str], ...]:
    """(company, mail domain) pairs for a role and region; domain "" means no company mail."""

    def pool(name: str, share: float) -> list[tuple[tuple[str, str], float]]:
        entries = _entries(_COMPANIES[name])
        total = sum(w for _, _, w in entries)
        return [((d, f"{a}.example" if a else ""), w / total * share) for d, a, w in entries]

    if role == "exhibitor":
        mix = pool("exhibitors", 1.0)
    elif role == "staff":
        mix = pool("organisers", 1.0)
    elif role in ("press", "vip"):
        kind = "press" if role == "press" else "gov"
        mix = pool(f"{kind}_intl", 1.0 if region == "intl" else 0.2)
        if region != "intl":
            mix += pool(f"{kind}_{region}", 0.8)
    elif role == "speaker":
        mix = pool(f"academia_{region}", 0.7) + pool("academia_intl", 0.2)
        mix += pool("exhibitors", 0.1)
    else:
        mix = pool(f"general_{region}", 0.6) + pool("general_intl", 0.2)
        mix += pool("exhibitors", 0.1) + pool(f"academia_{region}", 0.1)
    return _expand(mix, _SMALL_BITS)


def _positions(role: str, culture: _Culture) -> tuple[str, ...]:
    english = _entries(_POSITIONS[f"{role}_en"])
    mix = [(d, w / len(english) * (1 - culture.position_share)) for d, _, w in english]
    if culture.position_share:
        local = _entries(_POSITIONS[f"{role}_{culture.position_lang}"])
        mix += [(d, w / len(local) * culture.position_share) for d, _, w in local]
    return _expand(mix, _SMALL_BITS)


class _Persona(NamedTuple):
    """Everything one draw of a culture for a role needs, resolved into flat tables."""

    given: tuple[tuple[str, str], ...]
    family: tuple[tuple[str, str], ...]
    second_family: tuple[tuple[str, str], ...] | None
    joiners: tuple[str, ...]  # between two surnames: " " or the Catalan " i "
    companies: tuple[tuple[str, str], ...]
    positions: tuple[str, ...]
    personal_domains: tuple[str, ...]


def _personas(event: Event) -> tuple[tuple[str, tuple[_Persona, ...]], ...]:
    """The type table: 4096 slots of (type id, that type's 4096-slot persona table)."""
    names: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {}

    def named(key: str, pool: str) -> tuple[tuple[str, str], ...]:
        if (key, pool) not in names:
            names[key, pool] = _names(_CULTURES[key], pool)
        return names[key, pool]

    by_role: dict[str, tuple[_Persona, ...]] = {}
    weighted_types: list[tuple[tuple[str, tuple[_Persona, ...]], float]] = []
    for kind in event.types:
        role = _role(kind)
        if role not in by_role:
            personas = []
            for (key, c), share in zip(_CULTURES.items(), _CULTURE_SHARES[role], strict=True):
                if share <= 0:
                    continue
                joiners = (" i ", " ", " ", " ") if key == "ca" else (" ",)
                domains = tuple(_PERSONAL_DOMAINS[c.region].split(","))
                persona = _Persona(
                    named(key, c.given),
                    named(key, c.family),
                    named(key, c.second_family) if c.second_family else None,
                    tuple(joiners[j % len(joiners)] for j in range(16)),
                    _companies(role, c.region),
                    _positions(role, c),
                    tuple(domains[j % len(domains)] for j in range(16)),
                )
                personas.append((persona, share))
            by_role[role] = _expand(personas, _NAME_BITS)
        share = _ROLE_SHARES.get(kind.id, _OTHER_TYPE_SHARE)
        weighted_types.append(((kind.id, by_role[role]), share))
    return _expand(weighted_types, _NAME_BITS)


# ------------------------------------------------------------------ unique numbers


def _bits53(rnd: random.Random) -> int:
    # random() is the one method whose sequence Python guarantees across versions.
    return int(rnd.random() * (1 << 53))


def _odd(rnd: random.Random, bits: int) -> int:
    return (_bits53(rnd) & ((1 << bits) - 1)) | 1


class _Mix(NamedTuple):
    """A seeded bijection on [0, 2**bits): x -> h(m2 * h(m1 * (x ^ add))), h(y) = y ^ y >> shift.

    Each step is invertible modulo 2**bits (xor, multiplication by an odd number, xorshift),
    so distinct inputs give distinct outputs: unique codes without remembering any.
    """

    mask: int
    shift: int
    add: int
    m1: int
    m2: int


def _mix(rnd: random.Random, bits: int) -> _Mix:
    mask = (1 << bits) - 1
    return _Mix(
        mask, max(1, (bits + 1) // 2), _bits53(rnd) & mask, _odd(rnd, bits), _odd(rnd, bits)
    )


def _suffix_blocks(rnd: random.Random, count: int) -> Iterator[tuple[int, int, int, _Mix]]:
    """Blocks (first index, end index, first number, permutation) of the e-mail numbers.

    Index i gets a number unique to it: the first 1,024 attendees draw from 1..1024, the
    block [2**k, 2**(k+1)) from 2**k+1 .. 2**(k+1), each block shuffled. Numbers stay short
    for small events and the first n attendees are the same whatever the count.
    """
    first_bits = _SUFFIX_FIRST_BLOCK
    yield 0, min(count, 1 << first_bits), 1, _mix(rnd, first_bits)
    bits = first_bits
    while (1 << bits) < count:
        lo, hi = 1 << bits, min(count, 1 << (bits + 1))
        yield lo, hi, lo + 1, _mix(rnd, bits)
        bits += 1


# ------------------------------------------------------------------ generation


def _attendees(event: Event, count: int, seed: int) -> Iterator[AttendeeRow]:
    if count < 0:
        raise ValueError(f"count must not be negative, got {count}")
    types = _personas(event)
    rnd = random.Random(f"kiosk-demo-attendees-{seed}")
    numbers = random.Random(f"kiosk-demo-numbers-{seed}")
    ticket = _mix(numbers, _CODE_BITS)
    pairs = tuple(a + b for a in _CODE_ALPHABET for b in _CODE_ALPHABET)
    draw = rnd.random
    full, mask, small = float(1 << 53), (1 << _NAME_BITS) - 1, (1 << _SMALL_BITS) - 1
    row = AttendeeRow
    # The two _Mix bijections are inlined below: as calls they cost a fifth of the time.
    t_mask, t_shift, t_add, t_m1, t_m2 = ticket
    for lo, hi, first_number, shuffle in _suffix_blocks(numbers, count):
        s_mask, s_shift, s_add, s_m1, s_m2 = shuffle
        for i in range(lo, hi):
            a = int(draw() * full)  # 53 random bits from random(), see _bits53
            b = int(draw() * full)
            type_id, personas = types[a & mask]
            givens, families, seconds, joiners, companies, positions, domains = personas[
                (a >> 12) & mask
            ]
            given, g = givens[(a >> 24) & mask]
            family, f = families[(a >> 36) & mask]
            if seconds is not None:
                family = family + joiners[b & 15] + seconds[(b >> 4) & mask][0]
            company, domain = companies[(b >> 16) & small]
            if not domain or (a >> 51) & 3 == 0:
                domain = domains[(b >> 26) & 15]
            style = (a >> 48) & 7
            if style < 3:
                local = f"{g}.{f}"
            elif style == 3:
                local = f"{f}.{g}"
            elif style == 4:
                local = g[0] + f
            elif style == 5:
                local = f"{g}_{f}"
            else:
                local = f + g
            x = (((i - lo) ^ s_add) * s_m1) & s_mask
            x ^= x >> s_shift
            x = (x * s_m2) & s_mask
            number = first_number + (x ^ (x >> s_shift))
            x = ((i ^ t_add) * t_m1) & t_mask
            x ^= x >> t_shift
            x = (x * t_m2) & t_mask
            x ^= x >> t_shift
            yield row(
                f"A{i + 1:07d}",
                given,
                family,
                company,
                f"{local}{number}@{domain}",
                type_id,
                pairs[x & 1023]
                + pairs[(x >> 10) & 1023]
                + pairs[(x >> 20) & 1023]
                + pairs[(x >> 30) & 1023]
                + pairs[(x >> 40) & 1023],
                positions[(b >> 30) & small],
            )


class _Registrar:
    """Each attendee's per-session registrations and invitations, first come first served.

    A session stops taking people at its capacity plus 10% (no-shows); once every session a
    type could get is taken, that type leaves `active` and its attendees cost nothing more.
    """

    def __init__(self, event: Event, seed: int) -> None:
        self.draw = random.Random(f"kiosk-demo-registrations-{seed}").random
        self.left = {s.id: int(s.capacity * _OVERBOOKING) for s in event.sessions}
        self.register: dict[str, tuple[float, list[Session]]] = {}
        self.invite: dict[str, list[tuple[Session, float]]] = {}
        for kind in event.types:
            if kind.all_access:  # staff need neither
                continue
            admissible = [
                s
                for s in event.sessions
                if kind.may_enter(s.hall) and (s.types is None or kind.id in s.types)
            ]
            required = [s for s in admissible if s.registration is Registration.REQUIRED]
            chance = _REGISTER_CHANCE.get(kind.id, _OTHER_REGISTER_CHANCE)
            if required and chance:
                self.register[kind.id] = (chance, required)
            invite_chance = _INVITE_CHANCE.get(kind.id, 0.0)
            invited = [s for s in admissible if s.registration is Registration.INVITATION]
            if invited and invite_chance:
                self.invite[kind.id] = [(s, invite_chance) for s in invited]
        self.active = set(self.register) | set(self.invite)

    def rows_for(self, attendee_id: str, type_id: str) -> list[RegistrationRow]:
        rows: list[RegistrationRow] = []
        if type_id not in self.active:
            return rows
        draw = self.draw
        plan = self.register.get(type_id)
        if plan is not None and plan[1] and draw() < plan[0]:
            wanted = 1 if draw() < 0.65 else 2
            chosen: list[Session] = []
            for s in sorted(plan[1], key=lambda _: draw()):
                if len(chosen) < wanted and not any(
                    s.start < c.end and c.start < s.end for c in chosen
                ):
                    chosen.append(s)
            rows.extend(RegistrationRow(attendee_id, s.id, "registered") for s in chosen)
        rows.extend(
            RegistrationRow(attendee_id, s.id, "invited")
            for s, chance in self.invite.get(type_id, ())
            if draw() < chance
        )
        for row in rows:
            self.left[row.session_id] -= 1
            if not self.left[row.session_id]:
                self._close(row.session_id)
        return rows

    def _close(self, session_id: str) -> None:
        """Take a full session out of every plan; drop types left with nothing to get."""
        for type_id, (_, sessions) in self.register.items():
            sessions[:] = [s for s in sessions if s.id != session_id]
            if not sessions and not self.invite.get(type_id):
                self.active.discard(type_id)
        for type_id, invites in self.invite.items():
            invites[:] = [(s, c) for s, c in invites if s.id != session_id]
            if not invites and not self.register.get(type_id, (0.0, []))[1]:
                self.active.discard(type_id)


def generate_attendees(event: Event, count: int = 5000, seed: int = 2026) -> Iterator[AttendeeRow]:
    """`count` attendees of `event`, the same for the same seed; the first n never depend on count.

    Ids are "A0000001" upwards, ticket codes and e-mails unique, types drawn from the event's
    own types (known ids such as visitor or delegate in realistic shares, others rarely).
    """
    return _attendees(event, count, seed)


def generate_demo(
    event: Event, count: int = 5000, seed: int = 2026
) -> Iterator[tuple[AttendeeRow, list[RegistrationRow]]]:
    """Each attendee of generate_attendees() with their registrations, in one pass."""
    registrar = _Registrar(event, seed)
    active, rows_for = registrar.active, registrar.rows_for
    for row in _attendees(event, count, seed):
        yield row, rows_for(row.id, row.type) if row.type in active else []


def generate_registrations(
    event: Event, count: int = 5000, seed: int = 2026
) -> Iterator[RegistrationRow]:
    """The registrations of the attendees generate_attendees() yields for the same arguments.

    Types with a chance (delegates mostly) register for sessions with registration "required"
    until a session holds its capacity plus 10%; VIPs, speakers and some press are "invited"
    to invitation-only sessions the same way. Staff (all access) need neither.
    """
    for _, rows in generate_demo(event, count, seed):
        yield from rows
