/**
 * Demo content for `npm run seed`. Everything here is invented for this project: the city of
 * Abgineh (آبگینه), its agencies, papers and clubs do not exist, and no text is taken from a
 * real news site. Persian (`fa`) is the default locale; some entries also carry English (`en`).
 *
 * Sources are identified by `slug`, articles by their Persian title (unique in this file):
 * the seed skips whatever is already in the database.
 */

/**
 * @typedef {{ slug: string, kind: 'news_agency'|'newspaper'|'broadcaster'|'website'|'government'|'other',
 *   website: string, fa: { name: string }, en: { name: string } }} SeedSource
 * @typedef {{ title: string, lead: string, body: string }} SeedArticleText
 * @typedef {{ source: string, published: boolean, commentsEnabled: boolean,
 *   fa: SeedArticleText, en?: SeedArticleText }} SeedArticle
 */

/** @type {SeedSource[]} */
const sources = [
  {
    slug: 'khabargozari-sepehr',
    kind: 'news_agency',
    website: 'https://sepehr-news.example',
    fa: { name: 'خبرگزاری سپهر' },
    en: { name: 'Sepehr News Agency' },
  },
  {
    slug: 'ruznameh-aftab-abgineh',
    kind: 'newspaper',
    website: 'https://aftab-abgineh.example',
    fa: { name: 'روزنامه آفتاب آبگینه' },
    en: { name: 'Aftab-e Abgineh Daily' },
  },
  {
    slug: 'shabakeh-khabari-karaneh',
    kind: 'broadcaster',
    website: 'https://karaneh-tv.example',
    fa: { name: 'شبکه خبری کرانه' },
    en: { name: 'Karaneh News Network' },
  },
  {
    slug: 'payegah-khabari-daricheh',
    kind: 'website',
    website: 'https://daricheh.example/news',
    fa: { name: 'پایگاه خبری دریچه' },
    en: { name: 'Daricheh News Website' },
  },
  {
    slug: 'shahrdari-abgineh',
    kind: 'government',
    website: 'https://shahrdari-abgineh.example',
    fa: { name: 'روابط عمومی شهرداری آبگینه' },
    en: { name: 'Abgineh Municipality Press Office' },
  },
];

/** @type {SeedArticle[]} */
const articles = [
  {
    source: 'shahrdari-abgineh',
    published: true,
    commentsEnabled: true,
    fa: {
      title: 'خط دوم تراموای آبگینه از شنبه آینده مسافر می‌گیرد',
      lead: 'خط دوم تراموای شهری آبگینه که میدان کوهسار را به پایانه جنوبی وصل می‌کند، از شنبه آینده به‌طور رسمی مسافر جابه‌جا می‌کند.',
      body: `خط دوم تراموای آبگینه با طول نزدیک به یازده کیلومتر و چهارده ایستگاه، پس از سه ماه آزمایش بدون مسافر آماده بهره‌برداری شده است. به گفته روابط عمومی شهرداری، قطارها در ساعات اوج هر هشت دقیقه و در سایر ساعات هر دوازده دقیقه حرکت خواهند کرد.

در هفته نخست بهره‌برداری، سفر با این خط **رایگان** است و از هفته دوم کرایه با همان کارت‌های بلیت اتوبوس و خط یک پرداخت می‌شود.

شهرداری از شهروندان خواسته است در روزهای نخست، به‌ویژه در ایستگاه‌های تقاطع خیابان باران و بلوار دانشگاه، به علائم راهنمایی توجه کنند؛ چراکه چراغ‌های ویژه تراموا در این تقاطع‌ها تازه نصب شده‌اند.`,
    },
    en: {
      title: 'Abgineh tram line 2 opens to passengers next Saturday',
      lead: "Abgineh's second tram line, linking Kuhsar Square with the southern bus terminal, will officially start carrying passengers next Saturday.",
      body: `The new line runs for almost eleven kilometres with fourteen stops and has been tested without passengers for three months. According to the municipality's press office, trams will run every eight minutes at peak times and every twelve minutes otherwise.

Rides are **free** during the first week. From the second week, fares are paid with the same cards used on buses and on line 1.

The municipality asks residents to watch the new signals closely in the first days, especially at the Baran Street and University Boulevard junctions, where tram lights have only just been installed.`,
    },
  },
  {
    source: 'khabargozari-sepehr',
    published: true,
    commentsEnabled: true,
    fa: {
      title: 'پیش‌بینی بارش برف و افت دما در آبگینه تا پایان هفته',
      lead: 'کارشناسان هواشناسی از ورود سامانه‌ای سرد به منطقه خبر داده‌اند که از چهارشنبه تا جمعه بارش برف و کاهش محسوس دما را به همراه دارد.',
      body: `بر اساس پیش‌بینی اداره هواشناسی آبگینه، دمای هوا در شب‌های پایان هفته به حدود منفی شش درجه می‌رسد و در ارتفاعات شمالی شهر احتمال یخ‌بندان شدید وجود دارد.

رانندگانی که قصد سفر به روستاهای کوهستانی اطراف را دارند باید **زنجیر چرخ** همراه داشته باشند. شهرداری نیز اعلام کرده است که خودروهای نمک‌پاش از شامگاه چهارشنبه در محورهای اصلی مستقر می‌شوند.

کارشناسان توصیه کرده‌اند لوله‌های آب در فضای باز پوشانده شوند و سالمندان در ساعات اولیه صبح از رفت‌وآمد غیرضروری پرهیز کنند.`,
    },
    en: {
      title: 'Snow and falling temperatures forecast for Abgineh until the weekend',
      lead: 'Forecasters say a cold front will reach the region on Wednesday, bringing snow and a sharp drop in temperature through Friday.',
      body: `According to the Abgineh weather office, night temperatures will fall to about minus six degrees by the weekend, with a risk of hard frost in the northern hills of the city.

Drivers heading to the mountain villages nearby should carry **snow chains**. The municipality says its gritting trucks will be on the main roads from Wednesday evening.

Experts advise covering outdoor water pipes and recommend that older residents avoid unnecessary trips early in the morning.`,
    },
  },
  {
    source: 'ruznameh-aftab-abgineh',
    published: true,
    commentsEnabled: true,
    fa: {
      title: 'نمایشگاه کتاب آبگینه با حضور ۲۴۰ ناشر گشایش یافت',
      lead: 'دهمین نمایشگاه کتاب آبگینه صبح امروز در سالن‌های همایش کنار دریاچه آغاز به کار کرد و تا ده روز پذیرای علاقه‌مندان است.',
      body: `امسال ۲۴۰ ناشر از سراسر کشور در نمایشگاه حضور دارند و بخش ویژه‌ای هم به کتاب‌های کودک و نوجوان اختصاص یافته است. نمایشگاه هر روز از ساعت ۹ صبح تا ۹ شب باز است.

برگزارکنندگان می‌گویند برای نخستین بار **سامانه خرید پیش از بازدید** راه‌اندازی شده است تا بازدیدکنندگان بتوانند کتاب‌ها را از پیش انتخاب کنند و در غرفه تحویل بگیرند.

در کنار غرفه‌ها، نشست‌های نقد و بررسی کتاب و کارگاه‌های داستان‌نویسی برای نوجوانان برگزار می‌شود که برنامه آن روی تابلوی ورودی سالن اصلی نصب شده است.`,
    },
    en: {
      title: 'Abgineh book fair opens with 240 publishers',
      lead: 'The tenth Abgineh book fair opened this morning in the lakeside conference halls and will welcome visitors for ten days.',
      body: `This year 240 publishers from across the country are taking part, and a special section is set aside for children's and young adult books. The fair is open every day from 9 a.m. to 9 p.m.

The organisers say that for the first time an **order-before-you-visit** system lets readers choose books in advance and collect them at the stand.

Alongside the stands there are book talks and creative writing workshops for teenagers; the programme is posted at the entrance of the main hall.`,
    },
  },
  {
    source: 'shabakeh-khabari-karaneh',
    published: true,
    commentsEnabled: true,
    fa: {
      title: 'ستاره کویر در دیداری پرگل موج خزر را شکست داد',
      lead: 'تیم فوتبال ستاره کویر آبگینه در هفته دوازدهم لیگ دسته اول با نتیجه چهار بر سه از سد مهمان خود گذشت و به رده سوم جدول رسید.',
      body: `دیدار عصر جمعه در ورزشگاه شهید آبگینه پیش چشم حدود هشت هزار تماشاگر برگزار شد. موج خزر در نیمه نخست دو بار پیش افتاد، اما ستاره کویر پیش از پایان نیمه اول بازی را به تساوی کشاند.

گل پیروزی میزبان در دقیقه ۸۷ با ضربه سر مدافع جوان تیم به ثمر رسید؛ بازیکنی که تنها دو هفته پیش از تیم امید به جمع بزرگسالان اضافه شده بود.

سرمربی ستاره کویر پس از بازی گفت تیمش باید در دفاع منظم‌تر باشد، اما از **روحیه بازیکنان** برای جبران نتیجه قدردانی کرد.`,
    },
    en: {
      title: 'Setareh Kavir edge Moj Khazar in seven-goal thriller',
      lead: 'Abgineh side Setareh Kavir beat their visitors 4–3 in week twelve of the first division and climbed to third place.',
      body: `Friday evening's match was played in front of about eight thousand fans. Moj Khazar took the lead twice in the first half, but Setareh Kavir levelled before the break.

The winner came in the 87th minute with a header from a young defender who joined the senior squad from the under-23 team only two weeks ago.

After the match the Setareh Kavir coach said his team must be better organised at the back, but praised **the players' spirit** in coming back.`,
    },
  },
  {
    source: 'payegah-khabari-daricheh',
    published: true,
    commentsEnabled: true,
    fa: {
      title: 'دانشجویان دانشگاه آبگینه ماهواره‌ای آموزشی به اندازه یک قوطی ساختند',
      lead: 'گروهی از دانشجویان مهندسی هوافضا یک ماهواره آموزشی کوچک ساخته‌اند که با بالن هواشناسی تا ارتفاع سی کیلومتری پرتاب می‌شود.',
      body: `این ماهواره که در اندازه یک قوطی نوشابه طراحی شده، دما، فشار و رطوبت هوا را اندازه می‌گیرد و داده‌ها را هر ثانیه به ایستگاه زمینی دانشگاه می‌فرستد.

سرپرست گروه می‌گوید هدف پروژه **آموزش عملی** طراحی سامانه‌های فضایی با هزینه کم است و همه نقشه‌ها و نرم‌افزار آن در اختیار دانشجویان سایر دانشگاه‌ها قرار خواهد گرفت.

پرتاب آزمایشی در صورت مساعد بودن هوا ماه آینده از زمین‌های ورزشی دانشگاه انجام می‌شود.`,
    },
    en: {
      title: 'Abgineh University students build a can-sized teaching satellite',
      lead: 'A group of aerospace engineering students has built a small teaching satellite that will be carried to thirty kilometres by a weather balloon.',
      body: `The satellite, the size of a soda can, measures air temperature, pressure and humidity and sends its readings to the university ground station every second.

The team leader says the aim is **hands-on training** in low-cost space systems, and that all drawings and software will be shared with students at other universities.

A test launch from the university sports grounds is planned for next month, weather permitting.`,
    },
  },
  {
    source: 'ruznameh-aftab-abgineh',
    published: true,
    commentsEnabled: true,
    fa: {
      title: 'بازارچه محصولات کشاورزان محلی در محله باغ‌نو راه افتاد',
      lead: 'از این هفته کشاورزان روستاهای اطراف آبگینه می‌توانند هر پنجشنبه محصولات خود را بی‌واسطه در بازارچه‌ای در محله باغ‌نو بفروشند.',
      body: `این بازارچه با چهل غرفه در حیاط فرهنگسرای باغ‌نو برپا می‌شود و میوه، سبزی، لبنیات و نان محلی در آن عرضه می‌شود. غرفه‌ها به‌صورت نوبتی و بدون اجاره در اختیار تولیدکنندگان قرار می‌گیرد.

مدیر بازارچه می‌گوید حذف واسطه‌ها باعث می‌شود قیمت‌ها برای خریداران پایین‌تر و درآمد کشاورزان بیشتر باشد. به گفته او، کیفیت محصولات هر هفته توسط کارشناسان بهداشت بررسی می‌شود.`,
    },
  },
  {
    source: 'khabargozari-sepehr',
    published: true,
    commentsEnabled: false,
    fa: {
      title: 'طرح سنجش رایگان فشار خون در مراکز سلامت محله‌ای آبگینه آغاز شد',
      lead: 'مراکز سلامت محله‌ای آبگینه تا پایان ماه، فشار خون همه شهروندان بالای سی سال را رایگان اندازه می‌گیرند.',
      body: `مسئولان بهداشت شهر می‌گویند بسیاری از مبتلایان به فشار خون بالا از بیماری خود بی‌خبرند و این طرح برای شناسایی زودهنگام آنان اجرا می‌شود.

مراجعه‌کنندگان برای سنجش به نوبت نیاز ندارند و تنها باید کارت ملی همراه داشته باشند. افرادی که فشار خون بالاتر از حد طبیعی دارند، برای پیگیری به پزشک خانواده ارجاع داده می‌شوند.

فهرست مراکز شرکت‌کننده در طرح روی تابلوی اعلانات سراهای محله نصب شده است.`,
    },
    en: {
      title: 'Free blood pressure checks begin at Abgineh neighbourhood health centres',
      lead: "Abgineh's neighbourhood health centres will check the blood pressure of every resident over thirty free of charge until the end of the month.",
      body: `Health officials say many people with high blood pressure do not know it, and the campaign aims to find them early.

No appointment is needed; visitors only have to bring their national ID card. Anyone with a reading above the normal range is referred to their family doctor for follow-up.

The list of participating centres is posted on the notice boards of the neighbourhood halls.`,
    },
  },
  {
    source: 'shabakeh-khabari-karaneh',
    published: true,
    commentsEnabled: true,
    fa: {
      title: 'جشنواره تئاتر خیابانی آبگینه میزبان گروه‌هایی از دوازده استان است',
      lead: 'ششمین جشنواره تئاتر خیابانی آبگینه از هفته آینده در میدان‌ها و پارک‌های شهر برگزار می‌شود و تماشای همه اجراها رایگان است.',
      body: `دبیر جشنواره گفته است از میان بیش از صد و بیست اثر رسیده، سی و پنج نمایش برای اجرا انتخاب شده‌اند که گروه‌هایی از دوازده استان کشور آن‌ها را روی صحنه می‌برند.

اجراها هر روز از ساعت ۵ عصر در میدان کوهسار، پارک لاله و پیاده‌راه خیابان چنار آغاز می‌شود. در روز پایانی نیز **کارگاه نمایش عروسکی** برای کودکان برپا خواهد شد.`,
    },
  },
  {
    source: 'shahrdari-abgineh',
    published: true,
    commentsEnabled: true,
    fa: {
      title: 'کاشت هزار نهال بومی در حاشیه رودخانه آبگینه',
      lead: 'داوطلبان و کارکنان فضای سبز شهرداری روز جمعه هزار نهال درختان بومی را در کرانه شرقی رودخانه آبگینه کاشتند.',
      body: `نهال‌ها از گونه‌های سازگار با اقلیم منطقه مانند بید، زبان‌گنجشک و ارغوان انتخاب شده‌اند تا به آبیاری کمتری نیاز داشته باشند و خاک کرانه رود را در برابر فرسایش نگه دارند.

مدیر فضای سبز شهرداری می‌گوید آبیاری نهال‌ها در دو سال نخست با سامانه قطره‌ای انجام می‌شود و مدارس نزدیک هم در نگهداری آن‌ها مشارکت خواهند کرد.

این برنامه بخشی از طرح «رود زنده» است که قرار است در پنج سال آینده مسیر پیاده‌روی پیوسته‌ای در دو سوی رودخانه ایجاد کند.`,
    },
  },
  {
    source: 'payegah-khabari-daricheh',
    published: true,
    commentsEnabled: true,
    fa: {
      title: 'کتابخانه مرکزی آبگینه در فصل امتحانات تا نیمه‌شب باز می‌ماند',
      lead: 'کتابخانه مرکزی آبگینه برای کمک به دانش‌آموزان و دانشجویان، در سه هفته فصل امتحانات تا ساعت ۱۲ شب پذیرای مراجعان است.',
      body: `در این مدت سالن مطالعه طبقه دوم با دویست صندلی در اختیار مراجعان قرار می‌گیرد و اینترنت بی‌سیم کتابخانه نیز تا پایان ساعت کاری فعال است.

مسئولان کتابخانه می‌گویند برای رفت‌وآمد امن مراجعان، با هماهنگی سازمان اتوبوسرانی یک خط اتوبوس شبانه از جلوی کتابخانه تا میدان اصلی شهر راه‌اندازی شده است.`,
    },
  },
  {
    source: 'payegah-khabari-daricheh',
    published: true,
    commentsEnabled: true,
    fa: {
      title: 'پرداخت کرایه تاکسی در آبگینه با کد دوبعدی ممکن شد',
      lead: 'از این ماه مسافران تاکسی‌های خطی آبگینه می‌توانند کرایه را با اسکن کد دوبعدی نصب‌شده در خودرو و بدون پول نقد بپردازند.',
      body: `سازمان تاکسیرانی اعلام کرده است که تاکنون حدود هفتاد درصد تاکسی‌های خطی به این سامانه مجهز شده‌اند و بقیه تا پایان فصل به آن می‌پیوندند.

برای پرداخت کافی است مسافر کد چسبانده‌شده روی پشتی صندلی را با تلفن همراه اسکن کند؛ مبلغ کرایه بر اساس مسیر به‌طور خودکار نمایش داده می‌شود.

رانندگان می‌گویند این روش مشکل **پول خرد** را از میان برداشته است، هرچند برخی مسافران سالمند هنوز پرداخت نقدی را ترجیح می‌دهند.`,
    },
  },
  {
    source: 'khabargozari-sepehr',
    published: true,
    commentsEnabled: true,
    fa: {
      title: 'تیم والیبال بانوان آبگینه به نیمه‌نهایی لیگ رسید',
      lead: 'والیبالیست‌های زن آبگینه با پیروزی سه بر یک در دیدار برگشت یک‌چهارم نهایی، برای نخستین بار به جمع چهار تیم برتر لیگ راه یافتند.',
      body: `این تیم که تنها دو فصل پیش به لیگ برتر صعود کرده بود، ست نخست را واگذار کرد اما در سه ست بعدی با دریافت‌های دقیق و دفاع روی تور بازی را در دست گرفت.

مربی تیم پس از مسابقه گفت بیشتر بازیکنانش از مدرسه‌های والیبال همین شهر آمده‌اند و این نتیجه حاصل سال‌ها کار در رده‌های پایه است.

دیدار رفت نیمه‌نهایی هفته آینده در سالن ورزشی بلوار دانشگاه برگزار می‌شود.`,
    },
  },
  {
    source: 'ruznameh-aftab-abgineh',
    published: true,
    commentsEnabled: true,
    fa: {
      title: 'مرمت حمام تاریخی بازار آبگینه به پایان رسید',
      lead: 'حمام قدیمی بازار آبگینه پس از چهار سال مرمت، از ماه آینده به‌عنوان موزه مردم‌شناسی شهر به روی بازدیدکنندگان باز می‌شود.',
      body: `در جریان مرمت، کاشی‌کاری‌های سقف گنبدخانه و سکوهای سنگی رختکن با همان مصالح و شیوه‌های قدیمی بازسازی شد. مرمتگران می‌گویند بخشی از نقاشی‌های دیواری که زیر لایه‌های گچ پنهان مانده بود نیز در این کار دوباره آشکار شده است.

موزه در سه بخش، ابزارهای حمام‌های قدیم، لباس‌های محلی و عکس‌هایی از زندگی روزمره مردم آبگینه در یک قرن گذشته را نمایش خواهد داد.`,
    },
  },
  {
    source: 'shabakeh-khabari-karaneh',
    published: true,
    commentsEnabled: false,
    fa: {
      title: 'قیمت میوه در میدان‌های تره‌بار آبگینه این هفته ثابت ماند',
      lead: 'بررسی نرخ‌ها در میدان‌های میوه و تره‌بار آبگینه نشان می‌دهد قیمت بیشتر اقلام در هفته جاری تغییری نکرده و سبزی‌های برگی اندکی ارزان‌تر شده‌اند.',
      body: `به گفته مسئولان میدان مرکزی تره‌بار، برداشت خوب محصولات پاییزه در باغ‌های اطراف شهر باعث شده است عرضه سیب، انار و پرتقال به اندازه کافی باشد.

آن‌ها از شهروندان خواسته‌اند نرخ‌نامه نصب‌شده در هر غرفه را با قیمت دریافتی مقایسه کنند و در صورت مشاهده گران‌فروشی، موضوع را به دفتر بازرسی میدان اطلاع دهند.`,
    },
  },
  // Drafts: never published, so they must never appear in the public API.
  {
    source: 'shahrdari-abgineh',
    published: false,
    commentsEnabled: true,
    fa: {
      title: 'برنامه حمل‌ونقل عمومی آبگینه در تعطیلات نوروز اعلام می‌شود',
      lead: 'شهرداری آبگینه قرار است ساعت کار اتوبوس‌ها و تراموا در روزهای تعطیل نوروز را تا پایان ماه اعلام کند.',
      body: `پیش‌نویس گزارش: جزئیات ساعت کار خطوط و ایستگاه‌های ویژه مسافران نوروزی هنوز نهایی نشده است.

پس از دریافت جدول رسمی از سازمان اتوبوسرانی، این خبر تکمیل و منتشر می‌شود.`,
    },
  },
  {
    source: 'ruznameh-aftab-abgineh',
    published: false,
    commentsEnabled: true,
    fa: {
      title: 'گزارش ویژه: آینده بازار قدیمی آبگینه',
      lead: 'گفت‌وگو با کسبه، معماران و ساکنان محله درباره طرح‌های پیشنهادی برای نوسازی بازار قدیمی شهر.',
      body: `این گزارش هنوز در دست نگارش است و پیش از انتشار باید توسط دبیر بخش شهری بازبینی شود.

- گفت‌وگو با اتحادیه کسبه بازار
- نظر دو معمار مرمتگر درباره طرح پیشنهادی
- نقشه محدوده طرح`,
    },
  },
];

module.exports = { sources, articles };
