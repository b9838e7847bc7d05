"""The demo generator's name, company, position and mail-domain pools (data only)."""

# ------------------------------------------------------------------ name and company pools
# Entries are "display:ascii:weight"; ascii and weight are optional (ascii is then derived by
# transliteration, weight defaults to 1). The weights are rough shares, not statistics.

POOLS: dict[str, str] = {
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
COMPANIES: dict[str, str] = {
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
POSITIONS: dict[str, str] = {
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
PERSONAL_DOMAINS = {
    "cn": "qq.example,163.example,126.example,sina.example,aliyun.example",
    "es": "correu.example,telefonica.example,example.com,example.org",
    "de": "gmx.example,web.example,t-online.example,posteo.example",
    "intl": "example.com,example.org,example.net,mail.example",
}
