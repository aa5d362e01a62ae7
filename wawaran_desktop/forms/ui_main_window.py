# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtGui import (QAction)
from PySide6.QtWidgets import (QAbstractItemView, QAbstractSpinBox, QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QMenu, QMenuBar, QSizePolicy, QSpacerItem, QSplitter, QStackedWidget, QStatusBar, QTabWidget, QTableView, QToolBar, QToolButton, QVBoxLayout, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1280, 800)
        self.actionNewCampaign = QAction(MainWindow)
        self.actionNewCampaign.setObjectName(u"actionNewCampaign")
        self.actionRenameCampaign = QAction(MainWindow)
        self.actionRenameCampaign.setObjectName(u"actionRenameCampaign")
        self.actionCancelCampaign = QAction(MainWindow)
        self.actionCancelCampaign.setObjectName(u"actionCancelCampaign")
        self.actionRefresh = QAction(MainWindow)
        self.actionRefresh.setObjectName(u"actionRefresh")
        self.actionStaffDirectory = QAction(MainWindow)
        self.actionStaffDirectory.setObjectName(u"actionStaffDirectory")
        self.actionSwitchUser = QAction(MainWindow)
        self.actionSwitchUser.setObjectName(u"actionSwitchUser")
        self.actionLock = QAction(MainWindow)
        self.actionLock.setObjectName(u"actionLock")
        self.actionBackups = QAction(MainWindow)
        self.actionBackups.setObjectName(u"actionBackups")
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
        self.actionThresholds = QAction(MainWindow)
        self.actionThresholds.setObjectName(u"actionThresholds")
        self.actionAbout = QAction(MainWindow)
        self.actionAbout.setObjectName(u"actionAbout")
        self.centralwidget = QWidget(MainWindow)
        self.centralwidget.setObjectName(u"centralwidget")
        self.centralLayout = QHBoxLayout(self.centralwidget)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(6, 6, 6, 6)
        self.splitter = QSplitter(self.centralwidget)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.listPanel = QWidget(self.splitter)
        self.listPanel.setObjectName(u"listPanel")
        self.listLayout = QVBoxLayout(self.listPanel)
        self.listLayout.setObjectName(u"listLayout")
        self.listLayout.setContentsMargins(0, 0, 0, 0)
        self.actorLayout = QHBoxLayout()
        self.actorLayout.setObjectName(u"actorLayout")
        self.actorLabel = QLabel(self.listPanel)
        self.actorLabel.setObjectName(u"actorLabel")

        self.actorLayout.addWidget(self.actorLabel)

        self.actorSpacer = QSpacerItem(0, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actorLayout.addItem(self.actorSpacer)

        self.switchUserButton = QToolButton(self.listPanel)
        self.switchUserButton.setObjectName(u"switchUserButton")

        self.actorLayout.addWidget(self.switchUserButton)


        self.listLayout.addLayout(self.actorLayout)

        self.accountLabel = QLabel(self.listPanel)
        self.accountLabel.setObjectName(u"accountLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.accountLabel.sizePolicy().hasHeightForWidth())
        self.accountLabel.setSizePolicy(sizePolicy)
        self.accountLabel.setStyleSheet(u"font-weight: bold;")

        self.listLayout.addWidget(self.accountLabel)

        self.searchEdit = QLineEdit(self.listPanel)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.listLayout.addWidget(self.searchEdit)

        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.statusCombo = QComboBox(self.listPanel)
        self.statusCombo.setObjectName(u"statusCombo")

        self.filterLayout.addWidget(self.statusCombo)

        self.periodCheck = QCheckBox(self.listPanel)
        self.periodCheck.setObjectName(u"periodCheck")

        self.filterLayout.addWidget(self.periodCheck)

        self.filterSpacer = QSpacerItem(0, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterLayout.addItem(self.filterSpacer)


        self.listLayout.addLayout(self.filterLayout)

        self.periodLayout = QHBoxLayout()
        self.periodLayout.setObjectName(u"periodLayout")
        self.dateFrom = QDateEdit(self.listPanel)
        self.dateFrom.setObjectName(u"dateFrom")
        self.dateFrom.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.dateFrom.setEnabled(False)
        self.dateFrom.setCalendarPopup(True)

        self.periodLayout.addWidget(self.dateFrom)

        self.dateDash = QLabel(self.listPanel)
        self.dateDash.setObjectName(u"dateDash")

        self.periodLayout.addWidget(self.dateDash)

        self.dateTo = QDateEdit(self.listPanel)
        self.dateTo.setObjectName(u"dateTo")
        self.dateTo.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.dateTo.setEnabled(False)
        self.dateTo.setCalendarPopup(True)

        self.periodLayout.addWidget(self.dateTo)

        self.periodSpacer = QSpacerItem(0, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.periodLayout.addItem(self.periodSpacer)


        self.listLayout.addLayout(self.periodLayout)

        self.campaignTable = QTableView(self.listPanel)
        self.campaignTable.setObjectName(u"campaignTable")
        self.campaignTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.campaignTable.setAlternatingRowColors(True)
        self.campaignTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.campaignTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.campaignTable.setWordWrap(False)
        self.campaignTable.horizontalHeader().setStretchLastSection(True)
        self.campaignTable.verticalHeader().setVisible(False)

        self.listLayout.addWidget(self.campaignTable)

        self.countLabel = QLabel(self.listPanel)
        self.countLabel.setObjectName(u"countLabel")

        self.listLayout.addWidget(self.countLabel)

        self.splitter.addWidget(self.listPanel)
        self.detailStack = QStackedWidget(self.splitter)
        self.detailStack.setObjectName(u"detailStack")
        self.emptyPage = QWidget()
        self.emptyPage.setObjectName(u"emptyPage")
        self.emptyLayout = QVBoxLayout(self.emptyPage)
        self.emptyLayout.setObjectName(u"emptyLayout")
        self.emptyLabel = QLabel(self.emptyPage)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.emptyLabel.setWordWrap(True)

        self.emptyLayout.addWidget(self.emptyLabel)

        self.detailStack.addWidget(self.emptyPage)
        self.campaignPage = QWidget()
        self.campaignPage.setObjectName(u"campaignPage")
        self.campaignLayout = QVBoxLayout(self.campaignPage)
        self.campaignLayout.setObjectName(u"campaignLayout")
        self.campaignLayout.setContentsMargins(0, 0, 0, 0)
        self.titleLabel = QLabel(self.campaignPage)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setStyleSheet(u"font-size: 15pt; font-weight: bold;")

        self.campaignLayout.addWidget(self.titleLabel)

        self.metaLabel = QLabel(self.campaignPage)
        self.metaLabel.setObjectName(u"metaLabel")

        self.campaignLayout.addWidget(self.metaLabel)

        self.totalLabel = QLabel(self.campaignPage)
        self.totalLabel.setObjectName(u"totalLabel")
        self.totalLabel.setStyleSheet(u"font-size: 11pt;")
        self.totalLabel.setWordWrap(True)

        self.campaignLayout.addWidget(self.totalLabel)

        self.cancelBanner = QLabel(self.campaignPage)
        self.cancelBanner.setObjectName(u"cancelBanner")
        self.cancelBanner.setStyleSheet(u"background: #fdecea; color: #8a1c12; padding: 6px; border-radius: 4px;")
        self.cancelBanner.setWordWrap(True)

        self.campaignLayout.addWidget(self.cancelBanner)

        self.stageTabs = QTabWidget(self.campaignPage)
        self.stageTabs.setObjectName(u"stageTabs")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(1)
        sizePolicy1.setHeightForWidth(self.stageTabs.sizePolicy().hasHeightForWidth())
        self.stageTabs.setSizePolicy(sizePolicy1)
        self.stageTabs.setUsesScrollButtons(True)

        self.campaignLayout.addWidget(self.stageTabs)

        self.detailStack.addWidget(self.campaignPage)
        self.splitter.addWidget(self.detailStack)

        self.centralLayout.addWidget(self.splitter)

        MainWindow.setCentralWidget(self.centralwidget)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menuFile = QMenu(self.menubar)
        self.menuFile.setObjectName(u"menuFile")
        self.menuCampaign = QMenu(self.menubar)
        self.menuCampaign.setObjectName(u"menuCampaign")
        self.menuStaff = QMenu(self.menubar)
        self.menuStaff.setObjectName(u"menuStaff")
        self.menuView = QMenu(self.menubar)
        self.menuView.setObjectName(u"menuView")
        self.menuSettings = QMenu(self.menubar)
        self.menuSettings.setObjectName(u"menuSettings")
        self.menuHelp = QMenu(self.menubar)
        self.menuHelp.setObjectName(u"menuHelp")
        MainWindow.setMenuBar(self.menubar)
        self.toolBar = QToolBar(MainWindow)
        self.toolBar.setObjectName(u"toolBar")
        self.toolBar.setMovable(False)
        self.toolBar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        MainWindow.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolBar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)

        self.menubar.addAction(self.menuFile.menuAction())
        self.menubar.addAction(self.menuCampaign.menuAction())
        self.menubar.addAction(self.menuStaff.menuAction())
        self.menubar.addAction(self.menuView.menuAction())
        self.menubar.addAction(self.menuSettings.menuAction())
        self.menubar.addAction(self.menuHelp.menuAction())
        self.menuFile.addAction(self.actionSwitchUser)
        self.menuFile.addAction(self.actionLock)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionBackups)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionQuit)
        self.menuCampaign.addAction(self.actionNewCampaign)
        self.menuCampaign.addAction(self.actionRenameCampaign)
        self.menuCampaign.addAction(self.actionCancelCampaign)
        self.menuCampaign.addSeparator()
        self.menuCampaign.addAction(self.actionRefresh)
        self.menuStaff.addAction(self.actionStaffDirectory)
        self.menuSettings.addAction(self.actionThresholds)
        self.menuHelp.addAction(self.actionAbout)
        self.toolBar.addAction(self.actionNewCampaign)
        self.toolBar.addAction(self.actionRenameCampaign)
        self.toolBar.addAction(self.actionCancelCampaign)
        self.toolBar.addSeparator()
        self.toolBar.addAction(self.actionStaffDirectory)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"Wawaran Desktop", None))
        self.actionNewCampaign.setText(QCoreApplication.translate("MainWindow", u"Kampanye &Baru\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionNewCampaign.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+N", None))
#endif // QT_CONFIG(shortcut)
        self.actionRenameCampaign.setText(QCoreApplication.translate("MainWindow", u"&Ubah Judul/Tema\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionRenameCampaign.setShortcut(QCoreApplication.translate("MainWindow", u"F2", None))
#endif // QT_CONFIG(shortcut)
        self.actionCancelCampaign.setText(QCoreApplication.translate("MainWindow", u"&Batalkan Kampanye\u2026", None))
        self.actionRefresh.setText(QCoreApplication.translate("MainWindow", u"&Muat Ulang", None))
#if QT_CONFIG(shortcut)
        self.actionRefresh.setShortcut(QCoreApplication.translate("MainWindow", u"F5", None))
#endif // QT_CONFIG(shortcut)
        self.actionStaffDirectory.setText(QCoreApplication.translate("MainWindow", u"&Direktori Petugas\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionStaffDirectory.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+P", None))
#endif // QT_CONFIG(shortcut)
        self.actionSwitchUser.setText(QCoreApplication.translate("MainWindow", u"&Ganti Pengguna\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionSwitchUser.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Shift+L", None))
#endif // QT_CONFIG(shortcut)
        self.actionLock.setText(QCoreApplication.translate("MainWindow", u"&Kunci Layar", None))
#if QT_CONFIG(shortcut)
        self.actionLock.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+L", None))
#endif // QT_CONFIG(shortcut)
        self.actionBackups.setText(QCoreApplication.translate("MainWindow", u"&Cadangan && Pemulihan\u2026", None))
#if QT_CONFIG(statustip)
        self.actionBackups.setStatusTip(QCoreApplication.translate("MainWindow", u"Cadangan basis data PC ini: buat, pulihkan, salin ke diska lain, atur rotasi", None))
#endif // QT_CONFIG(statustip)
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"&Keluar", None))
#if QT_CONFIG(shortcut)
        self.actionQuit.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Q", None))
#endif // QT_CONFIG(shortcut)
        self.actionThresholds.setText(QCoreApplication.translate("MainWindow", u"Batas &Waktu (berisiko/terlambat)\u2026", None))
        self.actionAbout.setText(QCoreApplication.translate("MainWindow", u"&Tentang Wawaran Desktop", None))
        self.actorLabel.setText(QCoreApplication.translate("MainWindow", u"Masuk sebagai:", None))
        self.switchUserButton.setText(QCoreApplication.translate("MainWindow", u"Ganti Pengguna", None))
#if QT_CONFIG(tooltip)
        self.switchUserButton.setToolTip(QCoreApplication.translate("MainWindow", u"Ganti orang yang bekerja di PC ini tanpa menutup aplikasi (Ctrl+Shift+L)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.accountLabel.setToolTip(QCoreApplication.translate("MainWindow", u"Setiap tindakan dicatat atas nama akun yang masuk", None))
#endif // QT_CONFIG(tooltip)
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("MainWindow", u"Cari judul atau tema\u2026 (Ctrl+F)", None))
#if QT_CONFIG(tooltip)
        self.statusCombo.setToolTip(QCoreApplication.translate("MainWindow", u"Saring menurut status", None))
#endif // QT_CONFIG(tooltip)
        self.periodCheck.setText(QCoreApplication.translate("MainWindow", u"Periode", None))
#if QT_CONFIG(tooltip)
        self.periodCheck.setToolTip(QCoreApplication.translate("MainWindow", u"Saring menurut tanggal dibuat", None))
#endif // QT_CONFIG(tooltip)
        self.dateFrom.setDisplayFormat(QCoreApplication.translate("MainWindow", u"dd/MM/yyyy", None))
        self.dateDash.setText(QCoreApplication.translate("MainWindow", u"s.d.", None))
        self.dateTo.setDisplayFormat(QCoreApplication.translate("MainWindow", u"dd/MM/yyyy", None))
        self.countLabel.setText("")
        self.emptyLabel.setText(QCoreApplication.translate("MainWindow", u"Pilih kampanye di daftar, atau buat kampanye baru (Ctrl+N).", None))
        self.menuFile.setTitle(QCoreApplication.translate("MainWindow", u"&Berkas", None))
        self.menuCampaign.setTitle(QCoreApplication.translate("MainWindow", u"&Kampanye", None))
        self.menuStaff.setTitle(QCoreApplication.translate("MainWindow", u"&Petugas", None))
        self.menuView.setTitle(QCoreApplication.translate("MainWindow", u"T&ampilan", None))
        self.menuSettings.setTitle(QCoreApplication.translate("MainWindow", u"Pen&gaturan", None))
        self.menuHelp.setTitle(QCoreApplication.translate("MainWindow", u"Ban&tuan", None))
        self.toolBar.setWindowTitle(QCoreApplication.translate("MainWindow", u"Bilah alat", None))
    # retranslateUi

